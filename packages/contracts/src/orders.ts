import { ORDER_STATUSES } from "@openkam/domain";
import { z } from "zod";
import { ZCurrency, ZDate, ZDateTime, ZDecimal, ZId, ZListQuery, ZMoney, ZOptionalText, ZPage, ZQueryBool, ZVersion } from "./common";

export const ZOrderStatus = z.enum(ORDER_STATUSES);

export const ZOrderLine = z.object({
  lineNo: z.number().int().describe("1-based position of the line in the order"),
  productId: ZId,
  productSku: z.string().nullable(),
  productName: z.string().nullable(),
  quantity: z.string().describe("Exact decimal quantity"),
  unitPrice: z.string().describe("Exact decimal unit price, in the order's currency"),
  amount: z.string().describe("quantity × unitPrice, rounded half-up to 2 decimals"),
});
export type TOrderLine = z.infer<typeof ZOrderLine>;

const orderHeader = {
  id: ZId,
  accountId: ZId,
  orderDate: ZDate,
  currency: z.string().describe("ISO 4217 code"),
  amount: z.string().describe("Exact decimal amount: the sum of the lines, or the amount given for an order without lines"),
  status: ZOrderStatus,
  notes: z.string().nullable(),
  externalId: z.string().nullable(),
  createdBy: ZId.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  deletedAt: ZDateTime.nullable(),
  version: z.number().int(),
};

export const ZOrder = z.object({ ...orderHeader, lines: z.array(ZOrderLine) });
export type TOrder = z.infer<typeof ZOrder>;

export const ZOrderListItem = z.object({ ...orderHeader, accountName: z.string().describe("The name of the order's account"), lineCount: z.number().int() });
export type TOrderListItem = z.infer<typeof ZOrderListItem>;

const ZPositiveDecimal = ZDecimal.refine((v) => /[1-9]/.test(v) && !v.startsWith("-"), "Must be greater than 0");
const ZNonNegativeDecimal = ZDecimal.refine((v) => !v.startsWith("-") || !/[1-9]/.test(v), "Must not be negative");

export const ZOrderLineInput = z
  .object({
    productId: ZId,
    quantity: ZPositiveDecimal.describe("Up to 4 decimals, greater than 0"),
    unitPrice: ZNonNegativeDecimal.describe("Up to 4 decimals, not negative"),
  })
  .strict();
export type TOrderLineInput = z.infer<typeof ZOrderLineInput>;

const orderFields = {
  accountId: ZId,
  orderDate: ZDate,
  currency: ZCurrency.optional().describe("Defaults to the account's currency"),
  status: ZOrderStatus.optional(),
  notes: ZOptionalText(5000),
  externalId: ZOptionalText(200),
  amount: ZMoney.optional().describe("Required for an order without lines; with lines it is computed (and must match if sent)"),
  lines: z.array(ZOrderLineInput).max(500).optional(),
};

export const ZCreateOrderRequest = z.object(orderFields).strict();
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

export const ZUpdateOrderRequest = z
  .object({
    ...orderFields,
    accountId: ZId.optional(),
    orderDate: ZDate.optional(),
    lines: z.array(ZOrderLineInput).max(500).optional().describe("When sent, replaces all lines and the amount is recomputed"),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateOrderRequest = z.infer<typeof ZUpdateOrderRequest>;

export const ORDER_SORTS = ["orderDate", "-orderDate", "amount", "-amount", "createdAt", "-createdAt"] as const;

export const ZListOrdersQuery = ZListQuery.omit({ q: true }).extend({
  sort: z.enum(ORDER_SORTS).default("-orderDate").describe("Field to sort by; a leading - sorts descending"),
  accountId: ZId.optional(),
  from: ZDate.optional().describe("Orders on or after this date"),
  to: ZDate.optional().describe("Orders on or before this date"),
  status: z.union([ZOrderStatus, z.array(ZOrderStatus)]).optional(),
  deleted: ZQueryBool.optional().describe("true lists the deleted orders that can still be restored"),
});
export type TListOrdersQuery = z.infer<typeof ZListOrdersQuery>;

export const ZOrderPage = ZPage(ZOrderListItem);
