import type { TCreateOrderRequest, TOrder } from "@openkam/contracts";
import { isDecimal, isPositiveDecimal, plainDecimal } from "./order-math";

export interface LineDraft {
  /** Stable React key for a row being edited. */
  key: string;
  productId: string | null;
  /** Shown by the picker before the product list has loaded. */
  productLabel: string | null;
  quantity: string;
  unitPrice: string;
}

export interface OrderDraft {
  accountId: string;
  orderDate: string;
  currency: string;
  status: "confirmed" | "cancelled";
  notes: string;
  externalId: string;
  /** Only for an order without lines; with lines the amount is their sum. */
  amount: string;
  lines: LineDraft[];
}

let nextKey = 0;
export const newLine = (): LineDraft => ({ key: `line-${++nextKey}`, productId: null, productLabel: null, quantity: "1", unitPrice: "" });

export const today = () => new Date().toISOString().slice(0, 10);

export const emptyOrder = (accountId = ""): OrderDraft => ({
  accountId, orderDate: today(), currency: "", status: "confirmed", notes: "", externalId: "", amount: "", lines: [newLine()],
});

export function orderDraft(order: TOrder): OrderDraft {
  return {
    accountId: order.accountId,
    orderDate: order.orderDate,
    currency: order.currency,
    status: order.status,
    notes: order.notes ?? "",
    externalId: order.externalId ?? "",
    amount: order.lines.length ? "" : order.amount,
    lines: order.lines.map((l) => ({
      ...newLine(),
      productId: l.productId,
      productLabel: [l.productSku, l.productName].filter(Boolean).join(" · ") || null,
      quantity: plainDecimal(l.quantity),
      unitPrice: plainDecimal(l.unitPrice),
    })),
  };
}

/** Rows left completely blank are ignored rather than reported. */
const isBlank = (l: LineDraft) => l.productId === null && l.unitPrice.trim() === "" && (l.quantity.trim() === "" || l.quantity.trim() === "1");

/**
 * Checks the draft before sending, with the same rules as the API, keyed like
 * the API's field errors ("lines.0.quantity"), so both show in the same place.
 */
export function validateOrder(draft: OrderDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.accountId) errors.accountId = "orderList.errors.required";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.orderDate)) errors.orderDate = "orderList.errors.required";
  if (draft.currency && !/^[A-Z]{3}$/.test(draft.currency)) errors.currency = "orderList.errors.currency";
  const lines = draft.lines.filter((l) => !isBlank(l));
  lines.forEach((l) => {
    const i = draft.lines.indexOf(l);
    if (!l.productId) errors[`lines.${i}.productId`] = "orderList.errors.product";
    if (!isPositiveDecimal(l.quantity)) errors[`lines.${i}.quantity`] = "orderList.errors.quantity";
    if (!isDecimal(l.unitPrice)) errors[`lines.${i}.unitPrice`] = "orderList.errors.unitPrice";
  });
  if (lines.length === 0 && !/^-?\d{1,16}(\.\d{1,2})?$/.test(draft.amount.trim())) errors.amount = "orderList.errors.amount";
  return errors;
}

/** The request body; blank lines are dropped, an order without lines sends its amount. */
export function orderRequest(draft: OrderDraft): TCreateOrderRequest {
  const lines = draft.lines.filter((l) => !isBlank(l));
  return {
    accountId: draft.accountId,
    orderDate: draft.orderDate,
    ...(draft.currency ? { currency: draft.currency } : {}),
    status: draft.status,
    notes: draft.notes.trim() || null,
    externalId: draft.externalId.trim() || null,
    ...(lines.length
      ? { lines: lines.map((l) => ({ productId: l.productId!, quantity: l.quantity.trim(), unitPrice: l.unitPrice.trim() })) }
      : { amount: draft.amount.trim(), lines: [] }),
  };
}
