import type { TListAccountsQuery } from "@openkam/contracts";
import { accounts, accountTeamMembers, accountTierChanges, analysisRuns, newId, users, withNameKey, type Db } from "@openkam/db";
import type { AccountTier } from "@openkam/domain";
import { and, asc, desc, eq, getTableColumns, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "./accounts.policy";
import { accountJson } from "./accounts.presenter";
import { BY_ACCOUNT_NAME } from "./account-order";

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

const TIER_RANK = sql`(case ${accounts.tier} when 'strategic' then 1 when 'key' then 2 when 'growth' then 3 else 4 end)`;

const SORTS: Record<TListAccountsQuery["sort"], SortKey> = {
  name: { expr: BY_ACCOUNT_NAME, type: "text", desc: false },
  "-name": { expr: BY_ACCOUNT_NAME, type: "text", desc: true },
  updatedAt: { expr: sql`${accounts.updatedAt}`, type: "timestamptz", desc: false },
  "-updatedAt": { expr: sql`${accounts.updatedAt}`, type: "timestamptz", desc: true },
  createdAt: { expr: sql`${accounts.createdAt}`, type: "timestamptz", desc: false },
  "-createdAt": { expr: sql`${accounts.createdAt}`, type: "timestamptz", desc: true },
  tier: { expr: TIER_RANK, type: "int", desc: false },
  "-tier": { expr: TIER_RANK, type: "int", desc: true },
};

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Accounts the scope can see, not deleted (or only deleted ones). */
function visible(scope: Scope, deleted = false): SQL {
  return and(inOrg(scope, accounts.orgId), deleted ? isNotNull(accounts.deletedAt) : isNull(accounts.deletedAt), visibleAccount(scope))!;
}

/** One page (and one row more, to know whether there is a next page): each account as JSON text in the wire shape. */
export async function listAccounts(db: Db, scope: Scope, query: TListAccountsQuery) {
  const sort = SORTS[query.sort];
  const tiers = asList(query.tier);
  const statuses = asList(query.status);
  const where = and(
    visible(scope, query.deleted === true),
    query.deleted === true ? sql`${accounts.deletedAt} > now() - interval '30 days'` : undefined,
    tiers ? inArray(accounts.tier, tiers) : undefined,
    statuses ? inArray(accounts.status, statuses) : undefined,
    query.ownerUserId ? eq(accounts.ownerUserId, query.ownerUserId) : undefined,
    query.region ? eq(accounts.region, query.region) : undefined,
    query.industry ? eq(accounts.industry, query.industry) : undefined,
    query.q ? or(ilike(accounts.name, likePattern(query.q)), ilike(accounts.legalName, likePattern(query.q))) : undefined,
    afterCursor(sort, accounts.id, query.cursor),
  );
  return db.orm
    .select({ id: accounts.id, sortKey: sql<string>`(${sort.expr})::text`, json: accountJson })
    .from(accounts)
    .where(where)
    .orderBy(...orderBy(sort, accounts.id))
    .limit(query.limit + 1);
}

export async function findAccount(db: Db, scope: Scope, id: string, options: { deleted?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await db.orm.select().from(accounts).where(and(visible(scope, options.deleted), eq(accounts.id, id))).limit(1);
  return row;
}

/** Locks the row for the rest of the transaction (read-modify-write). */
export async function findAccountForUpdate(tx: Db, scope: Scope, id: string, options: { deleted?: boolean } = {}): Promise<AccountRow | undefined> {
  const [row] = await tx.orm.select().from(accounts).where(and(visible(scope, options.deleted), eq(accounts.id, id))).limit(1).for("update");
  return row;
}

export async function insertAccount(tx: Db, scope: Scope, values: Omit<NewAccountRow, "orgId">): Promise<AccountRow> {
  inOrg(scope, accounts.orgId);
  const [row] = await tx.orm.insert(accounts).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

/**
 * Applies a patch only if the row still has the expected version; returns
 * undefined when the version is stale (or the row is gone).
 */
export async function updateAccount(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<NewAccountRow>): Promise<AccountRow | undefined> {
  const { orgId: _o, id: _i, version: _v, nameKey: _k, ...safe } = patch;
  const [row] = await tx.orm
    .update(accounts)
    .set({ ...withNameKey(safe), version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, id), eq(accounts.version, expectedVersion)))
    .returning();
  return row;
}

export async function setDeleted(tx: Db, scope: Scope, id: string, deleted: boolean): Promise<AccountRow | undefined> {
  const [row] = await tx.orm
    .update(accounts)
    .set({ deletedAt: deleted ? sql`now()` : null, version: sql`${accounts.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, id)))
    .returning();
  return row;
}

/** Whether the account (visible to the scope, not deleted) exists; used to validate references. */
export async function accountExists(db: Db, scope: Scope, id: string): Promise<boolean> {
  return (await findAccount(db, scope, id)) !== undefined;
}

/** The creator of an account joins its team as KAM lead, so they keep seeing it. */
export async function addCreatorToTeam(tx: Db, scope: Scope, accountId: string, userId: string): Promise<void> {
  await tx.orm
    .insert(accountTeamMembers)
    .values({ orgId: scope.orgId, accountId, userId, teamRole: "kam_lead", allocationPct: 0 })
    .onConflictDoNothing();
}

/** Locks several visible, not deleted accounts in id order (so concurrent bulk changes cannot deadlock). */
export async function findAccountsForUpdate(tx: Db, scope: Scope, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return tx.orm.select().from(accounts).where(and(visible(scope), inArray(accounts.id, [...ids]))).orderBy(asc(accounts.id)).for("update");
}

export interface TierChange {
  accountId: string;
  fromTier: AccountTier;
  toTier: AccountTier;
  reason: string | null;
  runId: string | null;
}

/** Records tier changes in the history, with who made them (null for system work). */
export async function insertTierChanges(tx: Db, scope: Scope, changes: readonly TierChange[]): Promise<void> {
  inOrg(scope, accountTierChanges.orgId);
  if (changes.length === 0) return;
  await tx.orm.insert(accountTierChanges).values(changes.map((c) => ({ ...c, orgId: scope.orgId, id: newId(), changedBy: scope.userId })));
}

/** An account's tier changes, newest first. */
export async function listTierChanges(db: Db, scope: Scope, accountId: string) {
  return db.orm
    .select({ ...getTableColumns(accountTierChanges), changedByName: users.name })
    .from(accountTierChanges)
    .leftJoin(users, eq(users.id, accountTierChanges.changedBy))
    .where(and(inOrg(scope, accountTierChanges.orgId), eq(accountTierChanges.accountId, accountId)))
    .orderBy(desc(accountTierChanges.changedAt), desc(accountTierChanges.id));
}

/** Whether an analysis run of the organization exists (a tier change may name the run it was based on). */
export async function analysisRunExists(db: Db, scope: Scope, runId: string): Promise<boolean> {
  const [row] = await db.orm.select({ id: analysisRuns.id }).from(analysisRuns).where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, runId))).limit(1);
  return row !== undefined;
}
