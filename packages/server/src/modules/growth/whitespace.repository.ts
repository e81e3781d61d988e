import { accountBusinessUnits, byNameKey, opportunities, orderLines, orders, products, whitespaceCells, withNameKey, type Db } from "@openkam/db";
import { OPEN_OPPORTUNITY_STAGES, type WhitespaceManualState } from "@openkam/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type BusinessUnitRow = typeof accountBusinessUnits.$inferSelect;
export type WhitespaceCellRow = typeof whitespaceCells.$inferSelect;

export async function listBusinessUnits(db: Db, scope: Scope, accountId: string): Promise<BusinessUnitRow[]> {
  return db.orm.select().from(accountBusinessUnits)
    .where(and(inOrg(scope, accountBusinessUnits.orgId), eq(accountBusinessUnits.accountId, accountId)))
    .orderBy(asc(byNameKey(accountBusinessUnits.nameKey)), asc(accountBusinessUnits.id));
}

/** The business unit when it belongs to the account; the caller has checked the account. */
export async function businessUnitOfAccount(db: Db, scope: Scope, accountId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<BusinessUnitRow | undefined> {
  const query = db.orm.select().from(accountBusinessUnits)
    .where(and(inOrg(scope, accountBusinessUnits.orgId), eq(accountBusinessUnits.accountId, accountId), eq(accountBusinessUnits.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertBusinessUnit(tx: Db, scope: Scope, values: Omit<typeof accountBusinessUnits.$inferInsert, "orgId">): Promise<BusinessUnitRow> {
  inOrg(scope, accountBusinessUnits.orgId);
  const [row] = await tx.orm.insert(accountBusinessUnits).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

export async function updateBusinessUnit(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: { name?: string; kind?: BusinessUnitRow["kind"]; notes?: string | null }) {
  const [row] = await tx.orm.update(accountBusinessUnits)
    .set({ ...withNameKey(patch), version: sql`${accountBusinessUnits.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accountBusinessUnits.orgId), eq(accountBusinessUnits.id, id), eq(accountBusinessUnits.version, expectedVersion)))
    .returning();
  return row;
}

/** Opportunities placed on the unit keep their business but lose the placement. */
export async function deleteBusinessUnit(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.update(opportunities).set({ businessUnitId: null, updatedAt: sql`now()`, version: sql`${opportunities.version} + 1` })
    .where(and(inOrg(scope, opportunities.orgId), eq(opportunities.businessUnitId, id)));
  await tx.orm.delete(accountBusinessUnits).where(and(inOrg(scope, accountBusinessUnits.orgId), eq(accountBusinessUnits.id, id)));
}

export interface WhitespaceProductRow {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  /** The account's last confirmed order of the product on or after `since`; null when none. */
  lastOrderDate: string | null;
}

/**
 * The rows of the map: active products, and any product the account bought since `since`, has
 * an opportunity for, or has a cell for; one statement.
 */
export async function listWhitespaceProducts(db: Db, scope: Scope, accountId: string, since: string): Promise<WhitespaceProductRow[]> {
  return db.rows<WhitespaceProductRow>(sql`
    with bought as (
      select ${orderLines.productId} as product_id, max(${orders.orderDate})::text as last
      from ${orders}
      join ${orderLines} on ${orderLines.orgId} = ${orders.orgId} and ${orderLines.orderId} = ${orders.id}
      where ${inOrg(scope, orders.orgId)} and ${orders.accountId} = ${accountId} and ${orders.deletedAt} is null
        and ${orders.status} = 'confirmed' and ${orders.orderDate} >= ${since}
      group by ${orderLines.productId}
    )
    select ${products.id} as "id", ${products.sku} as "sku", ${products.name} as "name", ${products.category} as "category", bought.last as "lastOrderDate"
    from ${products}
    left join bought on bought.product_id = ${products.id}
    where ${inOrg(scope, products.orgId)} and (
      ${products.isActive} or bought.product_id is not null
      or exists (select 1 from ${opportunities} o where o.org_id = ${products.orgId} and o.account_id = ${accountId} and o.product_id = ${products.id})
      or exists (select 1 from ${whitespaceCells} c join ${accountBusinessUnits} u on u.org_id = c.org_id and u.id = c.business_unit_id
                 where c.org_id = ${products.orgId} and u.account_id = ${accountId} and c.product_id = ${products.id})
    )
    order by ${products.category} asc nulls last, ${byNameKey(products.nameKey)}, ${products.id}`);
}

export interface OpenOpportunityCount {
  productId: string;
  businessUnitId: string | null;
  count: number;
}

export async function countOpenOpportunities(db: Db, scope: Scope, accountId: string): Promise<OpenOpportunityCount[]> {
  const rows = await db.orm
    .select({ productId: opportunities.productId, businessUnitId: opportunities.businessUnitId, count: sql<number>`count(*)::int` })
    .from(opportunities)
    .where(and(inOrg(scope, opportunities.orgId), eq(opportunities.accountId, accountId), inArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]), sql`${opportunities.productId} is not null`))
    .groupBy(opportunities.productId, opportunities.businessUnitId);
  return rows.map((r) => ({ productId: r.productId!, businessUnitId: r.businessUnitId, count: Number(r.count) }));
}

export async function listCells(db: Db, scope: Scope, accountId: string): Promise<WhitespaceCellRow[]> {
  return db.orm.select({ cell: whitespaceCells }).from(whitespaceCells)
    .innerJoin(accountBusinessUnits, and(eq(accountBusinessUnits.orgId, whitespaceCells.orgId), eq(accountBusinessUnits.id, whitespaceCells.businessUnitId)))
    .where(and(inOrg(scope, whitespaceCells.orgId), eq(accountBusinessUnits.accountId, accountId)))
    .then((rows) => rows.map((r) => r.cell));
}

export async function findCellForUpdate(tx: Db, scope: Scope, businessUnitId: string, productId: string): Promise<WhitespaceCellRow | undefined> {
  const [row] = await tx.orm.select().from(whitespaceCells)
    .where(and(inOrg(scope, whitespaceCells.orgId), eq(whitespaceCells.businessUnitId, businessUnitId), eq(whitespaceCells.productId, productId)))
    .limit(1).for("update");
  return row;
}

export interface CellValues {
  state: WhitespaceManualState | null;
  estimatedValue: string | null;
  currency: string | null;
  notes: string | null;
}

/** Inserts or updates one cell; undefined when the version is stale or a concurrent insert won. */
export async function writeCell(tx: Db, scope: Scope, businessUnitId: string, productId: string, current: WhitespaceCellRow | undefined, values: CellValues) {
  if (!current) {
    inOrg(scope, whitespaceCells.orgId);
    const [row] = await tx.orm.insert(whitespaceCells).values({ orgId: scope.orgId, businessUnitId, productId, ...values }).onConflictDoNothing().returning();
    return row;
  }
  const [row] = await tx.orm.update(whitespaceCells)
    .set({ ...values, version: sql`${whitespaceCells.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, whitespaceCells.orgId), eq(whitespaceCells.businessUnitId, businessUnitId), eq(whitespaceCells.productId, productId), eq(whitespaceCells.version, current.version)))
    .returning();
  return row;
}

/** Which of the ids are products of the organization. */
export async function existingProductIds(db: Db, scope: Scope, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.orm.select({ id: products.id }).from(products).where(and(inOrg(scope, products.orgId), inArray(products.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
