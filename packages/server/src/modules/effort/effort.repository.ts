import { accounts, cases, effortEntries, effortSettings, interactions, memberships, orders, organizations, tasks, users, type Db } from "@openkam/db";
import type { EffortSource, InteractionType } from "@openkam/domain";
import { and, desc, eq, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type EffortEntryRow = typeof effortEntries.$inferSelect & { accountName: string; userName: string };
export type EffortSettingsRow = typeof effortSettings.$inferSelect;

const entryColumns = {
  orgId: effortEntries.orgId, id: effortEntries.id, accountId: effortEntries.accountId, userId: effortEntries.userId, workedOn: effortEntries.workedOn,
  minutes: effortEntries.minutes, source: effortEntries.source, sourceId: effortEntries.sourceId, note: effortEntries.note, createdBy: effortEntries.createdBy,
  createdAt: effortEntries.createdAt, updatedAt: effortEntries.updatedAt, version: effortEntries.version,
  accountName: accounts.name, userName: sql<string>`coalesce(${users.name}, '')`,
};

function selectEntries(db: Db) {
  return db.orm
    .select(entryColumns)
    .from(effortEntries)
    .innerJoin(accounts, and(eq(accounts.orgId, effortEntries.orgId), eq(accounts.id, effortEntries.accountId)))
    .leftJoin(users, eq(users.id, effortEntries.userId));
}

export async function orgTimeZoneAndCurrency(db: Db, scope: Scope): Promise<{ timeZone: string; currency: string }> {
  const [row] = await db.orm.select({ timeZone: organizations.timezone, currency: organizations.defaultCurrency }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  return row!;
}

/** An entry on an account the caller sees. */
export async function findEntry(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<EffortEntryRow | undefined> {
  const query = selectEntries(db).where(and(inOrg(scope, effortEntries.orgId), eq(effortEntries.id, id), visibleAccount(scope, effortEntries.accountId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: effortEntries }) : await query;
  return row;
}

export async function insertEntry(tx: Db, scope: Scope, values: Omit<typeof effortEntries.$inferInsert, "orgId">): Promise<void> {
  inOrg(scope, effortEntries.orgId);
  await tx.orm.insert(effortEntries).values({ ...values, orgId: scope.orgId });
}

export async function updateEntry(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Partial<Pick<typeof effortEntries.$inferInsert, "workedOn" | "minutes" | "note">>): Promise<boolean> {
  const rows = await tx.orm
    .update(effortEntries)
    .set({ ...patch, updatedAt: new Date(), version: sql`${effortEntries.version} + 1` })
    .where(and(inOrg(scope, effortEntries.orgId), eq(effortEntries.id, id), eq(effortEntries.version, expectedVersion)))
    .returning({ id: effortEntries.id });
  return rows.length > 0;
}

export async function deleteEntry(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(effortEntries).where(and(inOrg(scope, effortEntries.orgId), eq(effortEntries.id, id)));
}

export async function isActiveMember(db: Db, scope: Scope, userId: string): Promise<boolean> {
  const [row] = await db.orm.select({ userId: memberships.userId }).from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId), eq(memberships.isActive, true))).limit(1);
  return row !== undefined;
}

/** Whether the interaction, case or task exists on that account. */
export async function sourceOnAccount(db: Db, scope: Scope, source: Exclude<EffortSource, "manual">, sourceId: string, accountId: string): Promise<boolean> {
  const table = { interaction: interactions, case: cases, task: tasks }[source];
  const [row] = await db.orm.select({ id: table.id }).from(table)
    .where(and(inOrg(scope, table.orgId), eq(table.id, sourceId), eq(table.accountId, accountId))).limit(1);
  return row !== undefined;
}

export interface EntryFilter { accountId?: string; userId?: string; from: string; to: string }

function entryConditions(scope: Scope, f: EntryFilter): SQL {
  return and(
    inOrg(scope, effortEntries.orgId),
    visibleAccount(scope, effortEntries.accountId),
    gte(effortEntries.workedOn, f.from),
    lte(effortEntries.workedOn, f.to),
    f.accountId ? eq(effortEntries.accountId, f.accountId) : undefined,
    f.userId ? eq(effortEntries.userId, f.userId) : undefined,
  )!;
}

export async function listEntries(db: Db, scope: Scope, f: EntryFilter, limit: number): Promise<EffortEntryRow[]> {
  return selectEntries(db).where(entryConditions(scope, f)).orderBy(desc(effortEntries.workedOn), desc(effortEntries.id)).limit(limit);
}

export async function sumEntries(db: Db, scope: Scope, f: EntryFilter): Promise<number> {
  const [row] = await db.orm.select({ minutes: sql<number>`coalesce(sum(${effortEntries.minutes}), 0)::int` }).from(effortEntries).where(entryConditions(scope, f));
  return row?.minutes ?? 0;
}

/** One account's logged entries by source and by user. */
export async function accountEntryTotals(db: Db, scope: Scope, f: EntryFilter & { accountId: string }) {
  return db.rows<{ source: EffortSource; user_id: string; name: string; minutes: number }>(sql`
    select ${effortEntries.source} as source, ${effortEntries.userId} as user_id, coalesce(u.name, '') as name, sum(${effortEntries.minutes})::int as minutes
    from ${effortEntries} left join ${users} u on u.id = ${effortEntries.userId}
    where ${entryConditions(scope, f)}
    group by ${effortEntries.source}, ${effortEntries.userId}, u.name`);
}

export interface InteractionEffortRow {
  account_id: string;
  type: InteractionType;
  /** Recorded durations × participants. */
  recorded_minutes: number;
  /** Participants of interactions with no duration, to be multiplied by the type's default. */
  estimated_people: number;
}

/**
 * Interactions of the period (in the organization's time zone, and not in the future) that nobody logged time
 * against, per account and type: recorded durations, and how many person-interactions need an estimate.
 */
export async function interactionEffortByAccount(db: Db, scope: Scope, input: { from: string; to: string; timeZone: string; now: Date; accountId?: string }) {
  return db.rows<InteractionEffortRow>(sql`
    with i as (
      select ${interactions.accountId} as account_id, ${interactions.type} as type, ${interactions.durationMinutes} as duration,
        greatest(1, (select count(*) from interaction_users iu where iu.org_id = ${interactions.orgId} and iu.interaction_id = ${interactions.id}))::int as people
      from ${interactions}
      where ${inOrg(scope, interactions.orgId)}
        -- A margin of a day on either side keeps the index on occurred_at usable; the zoned date decides.
        and ${interactions.occurredAt} >= ${input.from}::date - interval '1 day' and ${interactions.occurredAt} < ${input.to}::date + interval '2 days'
        and (${interactions.occurredAt} at time zone ${input.timeZone})::date between ${input.from}::date and ${input.to}::date
        and ${interactions.occurredAt} <= ${input.now.toISOString()}::timestamptz
        ${input.accountId ? sql`and ${interactions.accountId} = ${input.accountId}` : sql``}
        and not exists (select 1 from effort_entries e where e.org_id = ${interactions.orgId} and e.source = 'interaction' and e.source_id = ${interactions.id})
    )
    select account_id, type,
      coalesce(sum(duration * people) filter (where duration > 0), 0)::int as recorded_minutes,
      coalesce(sum(people) filter (where duration is null or duration = 0), 0)::int as estimated_people
    from i group by account_id, type`);
}

/** Logged minutes per account in the period. */
export async function entryMinutesByAccount(db: Db, scope: Scope, input: { from: string; to: string }) {
  return db.rows<{ account_id: string; minutes: number }>(sql`
    select ${effortEntries.accountId} as account_id, sum(${effortEntries.minutes})::int as minutes
    from ${effortEntries}
    where ${inOrg(scope, effortEntries.orgId)} and ${effortEntries.workedOn} between ${input.from}::date and ${input.to}::date
    group by ${effortEntries.accountId}`);
}

/**
 * Every live account with its revenue of the 12 months to `to` and of the 12 before, from confirmed orders in
 * the organization's currency (exact decimals as text).
 */
export async function accountsWithRevenue(db: Db, scope: Scope, input: { to: string; currency: string }) {
  return db.rows<{ account_id: string; name: string; tier: "strategic" | "key" | "growth" | "standard"; revenue: string; previous: string }>(sql`
    with o as (
      select ${orders.accountId} as account_id,
        coalesce(sum(${orders.amount}) filter (where ${orders.orderDate} > ${input.to}::date - interval '12 months'), 0) as revenue,
        coalesce(sum(${orders.amount}) filter (where ${orders.orderDate} <= ${input.to}::date - interval '12 months'), 0) as previous
      from ${orders}
      where ${inOrg(scope, orders.orgId)} and ${isNull(orders.deletedAt)} and ${orders.status} = 'confirmed' and ${orders.currency} = ${input.currency}
        and ${orders.orderDate} <= ${input.to}::date and ${orders.orderDate} > ${input.to}::date - interval '24 months'
      group by ${orders.accountId}
    )
    select ${accounts.id} as account_id, ${accounts.name} as name, ${accounts.tier} as tier,
      coalesce(o.revenue, 0)::text as revenue, coalesce(o.previous, 0)::text as previous
    from ${accounts} left join o on o.account_id = ${accounts.id}
    where ${inOrg(scope, accounts.orgId)} and ${isNull(accounts.deletedAt)}
    order by ${accounts.id}`);
}

export async function findSettings(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<EffortSettingsRow | undefined> {
  const query = db.orm.select().from(effortSettings).where(inOrg(scope, effortSettings.orgId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

type SettingsValues = Pick<EffortSettingsRow, "keySharePct" | "overRatio" | "underRatio">;

/** Undefined when another director saved the settings first. */
export async function insertSettings(tx: Db, scope: Scope, values: SettingsValues): Promise<EffortSettingsRow | undefined> {
  inOrg(scope, effortSettings.orgId);
  const [row] = await tx.orm.insert(effortSettings).values({ ...values, orgId: scope.orgId, updatedBy: scope.userId }).onConflictDoNothing().returning();
  return row;
}

export async function updateSettings(tx: Db, scope: Scope, expectedVersion: number, values: SettingsValues): Promise<EffortSettingsRow | undefined> {
  const [row] = await tx.orm
    .update(effortSettings)
    .set({ ...values, updatedBy: scope.userId, updatedAt: new Date(), version: sql`${effortSettings.version} + 1` })
    .where(and(inOrg(scope, effortSettings.orgId), eq(effortSettings.version, expectedVersion)))
    .returning();
  return row;
}
