import type { TOrder, TOrderLine, TOrderListItem } from "@openkam/contracts";
import { money, plainDecimal } from "./orders.amounts";
import type { OrderLineRow, OrderRow } from "./orders.repository";

function presentHeader(row: OrderRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    orderDate: row.orderDate,
    currency: row.currency,
    amount: money(row.amount),
    status: row.status,
    notes: row.notes,
    externalId: row.externalId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
  };
}

export function presentOrderLine(row: OrderLineRow): TOrderLine {
  return {
    lineNo: row.lineNo,
    productId: row.productId,
    productSku: row.productSku,
    productName: row.productName,
    quantity: plainDecimal(row.quantity),
    unitPrice: plainDecimal(row.unitPrice),
    amount: money(row.amount),
  };
}

/** The wire shape of an order with its lines. */
export function presentOrder(row: OrderRow, lines: OrderLineRow[]): TOrder {
  return { ...presentHeader(row), lines: lines.map(presentOrderLine) };
}

/** A row of the order list: the header, its account's name and how many lines it has. */
export function presentOrderListItem(row: OrderRow & { accountName: string; lineCount: number }): TOrderListItem {
  return { ...presentHeader(row), accountName: row.accountName, lineCount: Number(row.lineCount) };
}
