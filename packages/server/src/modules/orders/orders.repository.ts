import type { TListOrdersQuery } from "@openkam/contracts";
import { accounts, orderLines, orders, products, raiseOrderBookRevision, type Db } from "@openkam/db";
import { and, asc, count, eq, getTableColumns, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleOrder } from "./orders.policy";

export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferSelect & { productSku: string | null; productName: string | null };

const SORTS: Record<TListOrdersQuery["sort"], SortKey> = {
  orderDate: { expr: sql`${orders.orderDate}`, type: "date", desc: false },
  "-orderDate": { expr: sql`${orders.orderDate}`, type: "date", desc: true },
  amount: { expr: sql`${orders.amount}`, type: "numeric", desc: false },
  "-amount": { expr: sql`${orders.amount}`, type: "numeric", desc: true },
  createdAt: { expr: sql`${orders.createdAt}`, type: "timestamptz", desc: false },
  "-createdAt": { expr: sql`${orders.createdAt}`, type: "timestamptz", desc: true },
};

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Orders the scope can see, not deleted (or only deleted ones). */
function visible(scope: Scope, deleted = false): SQL {
  return and(inOrg(scope, orders.orgId), deleted ? isNotNull(orders.deletedAt) : isNull(orders.deletedAt), visibleOrder(scope))!;
}

export async function listOrders(db: Db, scope: Scope, query: TListOrdersQuery) {
  const sort = SORTS[query.sort];
  const statuses = asList(query.status);
  const where = and(
    visible(scope, query.deleted === true),
    query.deleted === true ? sql`${orders.deletedAt} > now() - interval '30 days'` : undefined,
    query.accountId ? eq(orders.accountId, query.accountId) : undefined,
    query.from ? gte(orders.orderDate, query.from) : undefined,
    query.to ? lte(orders.orderDate, query.to) : undefined,
    statuses ? inArray(orders.status, statuses) : undefined,
    afterCursor(sort, orders.id, query.cursor),
  );
  return db.orm
    .select({
      ...getTableColumns(orders),
      accountName: accounts.name,
      lineCount: sql<number>`(select count(*) from ${orderLines} ol where ol.org_id = ${orders.orgId} and ol.order_id = ${orders.id})::int`,
      sortKey: sql<string>`(${sort.expr})::text`,
    })
    .from(orders)
    .innerJoin(accounts, and(eq(accounts.orgId, orders.orgId), eq(accounts.id, orders.accountId)))
    .where(where)
    .orderBy(...orderBy(sort, orders.id))
    .limit(query.limit + 1);
}

export async function findOrder(db: Db, scope: Scope, id: string, options: { deleted?: boolean; forUpdate?: boolean } = {}): Promise<OrderRow | undefined> {
  const query = db.orm.select().from(orders).where(and(visible(scope, options.deleted), eq(orders.id, id))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function findLines(db: Db, scope: Scope, orderId: string): Promise<OrderLineRow[]> {
  return db.orm
    .select({ ...getTableColumns(orderLines), productSku: products.sku, productName: products.name })
    .from(orderLines)
    .leftJoin(products, and(eq(products.orgId, orderLines.orgId), eq(products.id, orderLines.productId)))
    .where(and(inOrg(scope, orderLines.orgId), eq(orderLines.orderId, orderId)))
    .orderBy(asc(orderLines.lineNo));
}

export async function insertOrder(tx: Db, scope: Scope, values: Omit<NewOrderRow, "orgId">): Promise<OrderRow> {
  inOrg(scope, orders.orgId);
  const [row] = await tx.orm.insert(orders).values({ ...values, orgId: scope.orgId }).returning();
  await raiseOrderBookRevision(tx, scope.orgId, [row!.accountId]);
  return row!;
}

/** Replaces all lines of an order with the given ones (numbered from 1). */
export async function replaceLines(tx: Db, scope: Scope, orderId: string, lines: ReadonlyArray<{ productId: string; quantity: string; unitPrice: string; amount: string }>): Promise<void> {
  await tx.orm.delete(orderLines).where(and(inOrg(scope, orderLines.orgId), eq(orderLines.orderId, orderId)));
  if (lines.length === 0) return;
  await tx.orm.insert(orderLines).values(lines.map((line, i) => ({ ...line, orgId: scope.orgId, orderId, lineNo: i + 1 })));
}

export async function countLines(db: Db, scope: Scope, orderId: string): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(orderLines).where(and(inOrg(scope, orderLines.orgId), eq(orderLines.orderId, orderId)));
  return Number(row?.n ?? 0);
}

/** Applies a patch only if the row still has the expected version; undefined when stale. */
export async function updateOrder(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewOrderRow>): Promise<OrderRow | undefined> {
  const { orgId: _o, id: _i, version: _v, ...safe } = patch;
  // An order moved to another account changes the orders of the account it leaves too.
  const [before] = safe.accountId === undefined ? [] : await tx.orm.select({ accountId: orders.accountId }).from(orders).where(and(inOrg(scope, orders.orgId), eq(orders.id, id)));
  const [row] = await tx.orm
    .update(orders)
    .set({ ...safe, version: sql`${orders.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, orders.orgId), eq(orders.id, id), eq(orders.version, expectedVersion)))
    .returning();
  if (row) await raiseOrderBookRevision(tx, scope.orgId, before ? [before.accountId, row.accountId] : [row.accountId]);
  return row;
}

export async function setDeleted(tx: Db, scope: Scope, id: string, deleted: boolean): Promise<OrderRow | undefined> {
  const [row] = await tx.orm
    .update(orders)
    .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${orders.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, orders.orgId), eq(orders.id, id)))
    .returning();
  if (row) await raiseOrderBookRevision(tx, scope.orgId, [row.accountId]);
  return row;
}

/** The ids among `ids` that are products of the organization. */
export async function existingProductIds(db: Db, scope: Scope, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.orm.select({ id: products.id }).from(products).where(and(inOrg(scope, products.orgId), inArray(products.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}
