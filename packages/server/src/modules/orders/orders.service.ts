import type { TCreateOrderRequest, TListOrdersQuery, TOrderLineInput, TUpdateOrderRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { findAccount } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { fitsAmount, lineAmount, money, sameAmount, sumAmounts } from "./orders.amounts";
import { assertCanWrite } from "./orders.policy";
import { presentOrder, presentOrderListItem } from "./orders.presenter";
import * as repo from "./orders.repository";

const RESTORE_WINDOW_DAYS = 30;

interface Options {
  db: Db;
  scope: Scope;
}

type PricedLine = TOrderLineInput & { amount: string };

export async function listOrders({ db, scope, query }: Options & { query: TListOrdersQuery }) {
  const page = toPage(await repo.listOrders(db, scope, query), query.limit);
  return { items: page.items.map(presentOrderListItem), nextCursor: page.nextCursor };
}

async function presentWithLines(db: Db, scope: Scope, row: repo.OrderRow) {
  return presentOrder(row, await repo.findLines(db, scope, row.id));
}

export async function getOrder({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findOrder(db, scope, id);
  if (!row) throw notFound("Order");
  return presentWithLines(db, scope, row);
}

/** The account must be one the caller sees (and not deleted); it gives the default currency. */
async function requireAccount(tx: Db, scope: Scope, accountId: string) {
  const account = await findAccount(tx, scope, accountId);
  if (!account) throw invalid("accountId", "The account does not exist");
  return account;
}

/** Prices the lines exactly; every product must be one of the organization's. */
async function priceLines(tx: Db, scope: Scope, lines: readonly TOrderLineInput[]): Promise<PricedLine[]> {
  const known = await repo.existingProductIds(tx, scope, lines.map((l) => l.productId));
  const errors = lines.flatMap((l, i) => (known.has(l.productId) ? [] : [{ field: `lines.${i}.productId`, message: "The product does not exist" }]));
  if (errors.length > 0) throw new AppError("VALIDATION_FAILED", "Some order lines refer to unknown products", { errors });
  return lines.map((l, i) => {
    const amount = lineAmount(l);
    if (!fitsAmount(amount)) throw invalid(`lines.${i}`, "The line amount is too large");
    return { ...l, amount };
  });
}

/** With lines, the amount is their sum (a sent amount must agree); without, the client gives it. */
function orderAmount(lines: readonly PricedLine[], sent: string | undefined, fallback?: string): string {
  if (lines.length === 0) {
    const amount = sent ?? fallback;
    if (amount === undefined) throw invalid("amount", "Give the amount of an order without lines");
    return money(amount);
  }
  const total = sumAmounts(lines.map((l) => l.amount));
  if (sent !== undefined && !sameAmount(sent, total)) throw invalid("amount", `The amount must equal the sum of the lines (${total})`);
  if (!fitsAmount(total)) throw invalid("amount", "The order amount is too large");
  return total;
}

export async function createOrder({ db, scope, input }: Options & { input: TCreateOrderRequest }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const account = await requireAccount(tx, scope, input.accountId);
    const lines = await priceLines(tx, scope, input.lines ?? []);
    const { lines: _lines, amount: sentAmount, ...header } = input;
    const row = await repo.insertOrder(tx, scope, {
      ...header,
      id: newId(),
      currency: input.currency ?? account.currency,
      amount: orderAmount(lines, sentAmount),
      createdBy: scope.userId,
    });
    await repo.replaceLines(tx, scope, row.id, lines);
    const order = await presentWithLines(tx, scope, row);
    await recordAudit(tx, scope, { action: "create", entityType: "order", entityId: row.id, after: order });
    return order;
  });
}

export async function updateOrder({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateOrderRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, lines: newLines, amount: sentAmount, ...header } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findOrder(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Order");
    const before = await presentWithLines(tx, scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, before);
    if (header.accountId !== undefined && header.accountId !== current.accountId) await requireAccount(tx, scope, header.accountId);

    let amount: string | undefined;
    let lines: PricedLine[] | undefined;
    if (newLines !== undefined) {
      lines = await priceLines(tx, scope, newLines);
      amount = orderAmount(lines, sentAmount, current.amount);
    } else if (sentAmount !== undefined) {
      if (before.lines.length > 0 && !sameAmount(sentAmount, current.amount)) {
        throw invalid("amount", "This order's amount is the sum of its lines; change the lines instead");
      }
      amount = money(sentAmount);
    }

    const row = await repo.updateOrder(tx, scope, id, expected.version, { ...header, ...(amount !== undefined ? { amount } : {}) });
    if (!row) throw staleVersion(expected, before);
    if (lines) await repo.replaceLines(tx, scope, id, lines);
    const order = await presentWithLines(tx, scope, row);
    await recordAudit(tx, scope, { action: "update", entityType: "order", entityId: id, before, after: order });
    return order;
  });
}

export async function deleteOrder({ db, scope, id, expected }: Options & { id: string; expected?: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findOrder(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Order");
    const before = await presentWithLines(tx, scope, current);
    if (expected && current.version !== expected.version) throw staleVersion(expected, before);
    const row = (await repo.setDeleted(tx, scope, id, true))!;
    await recordAudit(tx, scope, { action: "delete", entityType: "order", entityId: id, before, after: { ...before, deletedAt: row.deletedAt?.toISOString() ?? null, version: row.version } });
  });
}

export async function restoreOrder({ db, scope, id }: Options & { id: string }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findOrder(tx, scope, id, { deleted: true, forUpdate: true });
    if (!current?.deletedAt) throw notFound("Deleted order");
    if (Date.now() - current.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) {
      throw notFound("Deleted order (deleted more than 30 days ago)");
    }
    const row = (await repo.setDeleted(tx, scope, id, false))!;
    const order = await presentWithLines(tx, scope, row);
    await recordAudit(tx, scope, { action: "restore", entityType: "order", entityId: id, after: order });
    return order;
  });
}
