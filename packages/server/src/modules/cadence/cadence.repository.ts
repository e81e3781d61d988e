import { accountCadences, accounts, cadencePolicies, interactions, organizations, type Db } from "@openkam/db";
import { CADENCE_INTERACTION_TYPES, CADENCE_KINDS, type AccountTier, type CadenceKind, type CadencePolicyOverride } from "@openkam/domain";
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type TierPolicyRow = typeof cadencePolicies.$inferSelect;
export type AccountCadenceRow = typeof accountCadences.$inferSelect;

/** The organization's time zone: cadence dates are calendar dates there. */
export async function orgTimeZone(db: Db, scope: Scope): Promise<string> {
  const [row] = await db.orm.select({ timezone: organizations.timezone }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  if (!row) throw new Error("the scope's organization does not exist");
  return row.timezone;
}

export async function listTierPolicies(db: Db, scope: Scope): Promise<TierPolicyRow[]> {
  return db.orm.select().from(cadencePolicies).where(inOrg(scope, cadencePolicies.orgId));
}

/** Locks the tier's row, when there is one, for the rest of the transaction. */
export async function findTierPolicyForUpdate(tx: Db, scope: Scope, tier: AccountTier): Promise<TierPolicyRow | undefined> {
  const [row] = await tx.orm.select().from(cadencePolicies).where(and(inOrg(scope, cadencePolicies.orgId), eq(cadencePolicies.tier, tier))).limit(1).for("update");
  return row;
}

/** Undefined when someone else stored the tier's first policy at the same moment. */
export async function insertTierPolicy(tx: Db, scope: Scope, tier: AccountTier, intervals: CadencePolicyOverride): Promise<TierPolicyRow | undefined> {
  inOrg(scope, cadencePolicies.orgId);
  const [row] = await tx.orm.insert(cadencePolicies).values({ orgId: scope.orgId, tier, intervals }).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale. */
export async function updateTierPolicy(tx: Db, scope: Scope, tier: AccountTier, expectedVersion: number, intervals: CadencePolicyOverride): Promise<TierPolicyRow | undefined> {
  const [row] = await tx.orm
    .update(cadencePolicies)
    .set({ intervals, version: sql`${cadencePolicies.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, cadencePolicies.orgId), eq(cadencePolicies.tier, tier), eq(cadencePolicies.version, expectedVersion)))
    .returning();
  return row;
}

/** The account's overrides; the caller has checked that the account is visible. */
export async function findAccountCadence(db: Db, scope: Scope, accountId: string, options: { forUpdate?: boolean } = {}): Promise<AccountCadenceRow | undefined> {
  const query = db.orm.select().from(accountCadences).where(and(inOrg(scope, accountCadences.orgId), eq(accountCadences.accountId, accountId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Undefined when someone else stored the account's first overrides at the same moment. */
export async function insertAccountCadence(tx: Db, scope: Scope, accountId: string, intervals: CadencePolicyOverride): Promise<AccountCadenceRow | undefined> {
  inOrg(scope, accountCadences.orgId);
  const [row] = await tx.orm.insert(accountCadences).values({ orgId: scope.orgId, accountId, intervals }).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale. */
export async function updateAccountCadence(tx: Db, scope: Scope, accountId: string, expectedVersion: number, intervals: CadencePolicyOverride): Promise<AccountCadenceRow | undefined> {
  const [row] = await tx.orm
    .update(accountCadences)
    .set({ intervals, version: sql`${accountCadences.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accountCadences.orgId), eq(accountCadences.accountId, accountId), eq(accountCadences.version, expectedVersion)))
    .returning();
  return row;
}

/** The last past interaction of a kind: the instant, and its calendar date in the organization's zone. */
export interface LastInteraction {
  at: string;
  on: string;
}

export interface CadenceAccountRow {
  id: string;
  name: string;
  tier: AccountTier;
  ownerUserId: string | null;
  /** The account's creation date in the organization's zone: where a cadence never kept counts from. */
  startedOn: string;
  overrides: CadencePolicyOverride;
  /** The version of the account's overrides; 0 while it has none. */
  cadenceVersion: number;
  last: Partial<Record<CadenceKind, LastInteraction>>;
}

export interface CadenceAccountFilter {
  accountId?: string;
  tiers?: readonly AccountTier[];
  ownerUserId?: string;
  /** Only the accounts the user owns or is on the team of, whatever their role (a director's own agenda). */
  workedOnByMe?: boolean;
  /** Leave out accounts no longer worked (inactive, churned): nobody plans visits to them. */
  workedOnly?: boolean;
}

/** Accounts nobody keeps a cadence with. */
export const UNWORKED_STATUSES = ["inactive", "churned"] as const;

const ISO_INSTANT = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
const ISO_DATE = sql.raw("'YYYY-MM-DD'");

/**
 * The accounts the scope may see, each with its overrides and, per cadence kind, the last past
 * interaction — one statement, whatever the number of accounts. The interactions are aggregated
 * per account and type in one pass over the organization's cadence interactions and joined to
 * the accounts; dates are turned into the organization's calendar here, in bulk, rather than one
 * by one in Node.
 */
export async function listCadenceAccounts(db: Db, scope: Scope, options: { now: Date; timeZone: string; filter: CadenceAccountFilter }): Promise<CadenceAccountRow[]> {
  const { now, timeZone, filter } = options;
  const types = [...new Set(CADENCE_KINDS.flatMap((kind) => CADENCE_INTERACTION_TYPES[kind]))];
  const latest = CADENCE_KINDS.map(
    (kind) => sql`max(${interactions.occurredAt}) filter (where ${inArray(interactions.type, [...CADENCE_INTERACTION_TYPES[kind]])}) as ${sql.identifier(kind)}`,
  );
  const lastColumns = CADENCE_KINDS.map((kind) => {
    const column = sql`latest.${sql.identifier(kind)}`;
    return sql`to_char(${column} at time zone 'UTC', ${ISO_INSTANT}) as ${sql.identifier(`${kind}At`)},
      to_char(${column} at time zone ${timeZone}, ${ISO_DATE}) as ${sql.identifier(`${kind}On`)}`;
  });
  const where = and(
    inOrg(scope, accounts.orgId),
    isNull(accounts.deletedAt),
    visibleAccount(scope),
    filter.workedOnByMe ? visibleAccount({ ...scope, role: "member" }) : undefined,
    filter.workedOnly ? notInArray(accounts.status, [...UNWORKED_STATUSES]) : undefined,
    filter.accountId ? eq(accounts.id, filter.accountId) : undefined,
    filter.tiers ? inArray(accounts.tier, [...filter.tiers]) : undefined,
    filter.ownerUserId ? eq(accounts.ownerUserId, filter.ownerUserId) : undefined,
  );
  const rows = await db.rows<Record<string, string | null> & { id: string; name: string; tier: AccountTier; overrides: CadencePolicyOverride | null; cadenceVersion: number; startedOn: string }>(sql`
    select ${accounts.id} as "id", ${accounts.name} as "name", ${accounts.tier} as "tier", ${accounts.ownerUserId} as "ownerUserId",
      to_char(${accounts.createdAt} at time zone ${timeZone}, ${ISO_DATE}) as "startedOn",
      ${accountCadences.intervals} as "overrides", coalesce(${accountCadences.version}, 0) as "cadenceVersion",
      ${sql.join(lastColumns, sql`, `)}
    from ${accounts}
    left join ${accountCadences} on ${accountCadences.orgId} = ${accounts.orgId} and ${accountCadences.accountId} = ${accounts.id}
    left join (
      select ${interactions.accountId} as account_id, ${sql.join(latest, sql`, `)}
      from ${interactions}
      where ${inOrg(scope, interactions.orgId)} and ${inArray(interactions.type, types)} and ${interactions.occurredAt} <= ${now.toISOString()}
      group by ${interactions.accountId}
    ) latest on latest.account_id = ${accounts.id}
    where ${where}`);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    tier: row.tier,
    ownerUserId: row.ownerUserId ?? null,
    startedOn: row.startedOn,
    overrides: row.overrides ?? {},
    cadenceVersion: Number(row.cadenceVersion),
    last: Object.fromEntries(
      CADENCE_KINDS.flatMap((kind) => {
        const at = row[`${kind}At`];
        const on = row[`${kind}On`];
        return at && on ? [[kind, { at, on }]] : [];
      }),
    ),
  }));
}
