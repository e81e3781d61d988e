import { accounts, byNameKey, opportunities, products, users, withNameKey, type Db } from "@openkam/db";
import { OPEN_OPPORTUNITY_STAGES, type OpportunityStage } from "@openkam/domain";
import type { TPipelineQuery } from "@openkam/contracts";
import { and, asc, eq, getTableColumns, ilike, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { likePattern } from "../accounts/accounts.repository";
import { visibleAccount } from "./growth.policy";

export type OpportunityRow = typeof opportunities.$inferSelect;
export type NewOpportunityRow = typeof opportunities.$inferInsert;

export interface OpportunityListRow extends OpportunityRow {
  accountName: string;
  ownerName: string | null;
  productName: string | null;
}

export type OpportunityFilter = Partial<Omit<TPipelineQuery, "limit">>;

/** Opportunities of visible, live accounts matching the filter. */
function where(scope: Scope, filter: OpportunityFilter): SQL {
  const conditions: Array<SQL | undefined> = [
    inOrg(scope, opportunities.orgId),
    visibleAccount(scope, opportunities.accountId),
    isNull(accounts.deletedAt),
  ];
  if (filter.accountId) conditions.push(eq(opportunities.accountId, filter.accountId));
  if (filter.stage && filter.stage.length > 0) conditions.push(inArray(opportunities.stage, filter.stage));
  if (filter.open === true) conditions.push(inArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]));
  if (filter.open === false) conditions.push(notInArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES]));
  if (filter.ownerUserId) conditions.push(eq(opportunities.ownerUserId, filter.ownerUserId));
  if (filter.currency) conditions.push(eq(opportunities.currency, filter.currency));
  if (filter.closeFrom) conditions.push(sql`${opportunities.expectedCloseDate} >= ${filter.closeFrom}`);
  if (filter.closeTo) conditions.push(sql`${opportunities.expectedCloseDate} <= ${filter.closeTo}`);
  if (filter.q) conditions.push(or(ilike(opportunities.name, likePattern(filter.q)), ilike(accounts.name, likePattern(filter.q))));
  return and(...conditions)!;
}

const accountJoin = and(eq(accounts.orgId, opportunities.orgId), eq(accounts.id, opportunities.accountId));

/** Soonest expected close first (undated last), then by name. */
export async function listOpportunities(db: Db, scope: Scope, filter: OpportunityFilter, limit: number): Promise<OpportunityListRow[]> {
  return db.orm
    .select({
      ...getColumns(),
      accountName: accounts.name,
      ownerName: users.name,
      productName: products.name,
    })
    .from(opportunities)
    .innerJoin(accounts, accountJoin)
    .leftJoin(users, eq(users.id, opportunities.ownerUserId))
    .leftJoin(products, and(eq(products.orgId, opportunities.orgId), eq(products.id, opportunities.productId)))
    .where(where(scope, filter))
    .orderBy(sql`${opportunities.expectedCloseDate} asc nulls last`, asc(byNameKey(opportunities.nameKey)), asc(opportunities.id))
    .limit(limit);
}

function getColumns() {
  return getTableColumns(opportunities);
}

export interface StageTotalRow {
  stage: OpportunityStage;
  currency: string;
  count: number;
  total: string;
  weighted: string;
}

/**
 * Totals per stage and currency of everything the filter matches, however many rows the list
 * shows. Each weighted value is rounded to the cent before summing (round() on numeric rounds
 * half away from zero, like weightedValue in the domain), so totals equal the rows shown.
 */
export async function stageTotalsOf(db: Db, scope: Scope, filter: OpportunityFilter): Promise<StageTotalRow[]> {
  const rows = await db.orm
    .select({
      stage: opportunities.stage,
      currency: opportunities.currency,
      count: sql<number>`count(*)::int`,
      total: sql<string>`sum(${opportunities.value})::numeric(18,2)::text`,
      weighted: sql<string>`sum(round(${opportunities.value} * ${opportunities.probability} / 100, 2))::numeric(18,2)::text`,
    })
    .from(opportunities)
    .innerJoin(accounts, accountJoin)
    .where(where(scope, filter))
    .groupBy(opportunities.stage, opportunities.currency);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** One opportunity of a visible account, locked for a read-modify-write when asked. */
export async function findOpportunity(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<OpportunityRow | undefined> {
  const query = db.orm
    .select()
    .from(opportunities)
    .where(and(inOrg(scope, opportunities.orgId), eq(opportunities.id, id), visibleAccount(scope, opportunities.accountId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertOpportunity(tx: Db, scope: Scope, values: Omit<NewOpportunityRow, "orgId">): Promise<OpportunityRow> {
  inOrg(scope, opportunities.orgId);
  const [row] = await tx.orm.insert(opportunities).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

/** Undefined when the version is stale. */
export async function updateOpportunity(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewOpportunityRow>): Promise<OpportunityRow | undefined> {
  const { orgId: _o, id: _i, accountId: _a, version: _v, nameKey: _k, ...safe } = patch;
  const [row] = await tx.orm
    .update(opportunities)
    .set({ ...withNameKey(safe), version: sql`${opportunities.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, opportunities.orgId), eq(opportunities.id, id), eq(opportunities.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteOpportunity(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(opportunities).where(and(inOrg(scope, opportunities.orgId), eq(opportunities.id, id)));
}

/** Names for presenting one row after a write. */
export async function namesOf(db: Db, scope: Scope, row: OpportunityRow): Promise<{ accountName: string; ownerName: string | null; productName: string | null }> {
  const [names] = await db.rows<{ accountName: string; ownerName: string | null; productName: string | null }>(sql`
    select (select ${accounts.name} from ${accounts} where ${inOrg(scope, accounts.orgId)} and ${accounts.id} = ${row.accountId}) as "accountName",
      (select ${users.name} from ${users} where ${users.id} = ${row.ownerUserId}) as "ownerName",
      (select ${products.name} from ${products} where ${inOrg(scope, products.orgId)} and ${products.id} = ${row.productId}) as "productName"`);
  return names!;
}

export async function productExists(db: Db, scope: Scope, id: string): Promise<boolean> {
  const [row] = await db.orm.select({ id: products.id }).from(products).where(and(inOrg(scope, products.orgId), eq(products.id, id))).limit(1);
  return row !== undefined;
}
