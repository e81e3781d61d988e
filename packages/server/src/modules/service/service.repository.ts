import { accounts, accountServiceScopes, caseEvents, cases, organizations, serviceCalendars, slaPolicies, users, type Db, type ServiceHoliday } from "@openkam/db";
import type { AccountTier, BusinessInterval, CaseEventType, CaseStatus, SlaPriority, Weekday } from "@openkam/domain";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarRow = typeof serviceCalendars.$inferSelect;
export type ScopeRow = typeof accountServiceScopes.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect & { actorName: string | null };
export type CaseRow = typeof cases.$inferSelect & { accountName: string; assigneeName: string | null };

/** The organization's time zone: the service calendar's unless it names its own. */
export async function orgTimeZone(db: Db, scope: Scope): Promise<string> {
  const [row] = await db.orm.select({ timezone: organizations.timezone }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  if (!row) throw new Error("the scope's organization does not exist");
  return row.timezone;
}

// -- policies ---------------------------------------------------------------------------------

export async function listSlaPolicies(db: Db, scope: Scope): Promise<SlaPolicyRow[]> {
  return db.orm.select().from(slaPolicies).where(inOrg(scope, slaPolicies.orgId));
}

export async function findSlaPolicyForUpdate(tx: Db, scope: Scope, tier: AccountTier, priority: SlaPriority): Promise<SlaPolicyRow | undefined> {
  const [row] = await tx.orm
    .select()
    .from(slaPolicies)
    .where(and(inOrg(scope, slaPolicies.orgId), eq(slaPolicies.tier, tier), eq(slaPolicies.priority, priority)))
    .limit(1)
    .for("update");
  return row;
}

type PolicyValues = Pick<SlaPolicyRow, "firstResponseMinutes" | "resolutionMinutes" | "businessHours">;

/** Undefined when someone else stored the first policy at the same moment. */
export async function insertSlaPolicy(tx: Db, scope: Scope, key: { tier: AccountTier; priority: SlaPriority }, values: PolicyValues): Promise<SlaPolicyRow | undefined> {
  inOrg(scope, slaPolicies.orgId);
  const [row] = await tx.orm.insert(slaPolicies).values({ orgId: scope.orgId, ...key, ...values }).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale. */
export async function updateSlaPolicy(tx: Db, scope: Scope, key: { tier: AccountTier; priority: SlaPriority }, expectedVersion: number, values: PolicyValues): Promise<SlaPolicyRow | undefined> {
  const [row] = await tx.orm
    .update(slaPolicies)
    .set({ ...values, version: sql`${slaPolicies.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, slaPolicies.orgId), eq(slaPolicies.tier, key.tier), eq(slaPolicies.priority, key.priority), eq(slaPolicies.version, expectedVersion)))
    .returning();
  return row;
}

// -- calendar ---------------------------------------------------------------------------------

export async function findCalendar(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<CalendarRow | undefined> {
  const query = db.orm.select().from(serviceCalendars).where(inOrg(scope, serviceCalendars.orgId)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

interface CalendarValues {
  timeZone: string | null;
  weeklyHours: Partial<Record<Weekday, BusinessInterval[]>>;
  holidays: ServiceHoliday[];
}

export async function insertCalendar(tx: Db, scope: Scope, values: CalendarValues): Promise<CalendarRow | undefined> {
  inOrg(scope, serviceCalendars.orgId);
  const [row] = await tx.orm.insert(serviceCalendars).values({ orgId: scope.orgId, ...values }).onConflictDoNothing().returning();
  return row;
}

export async function updateCalendar(tx: Db, scope: Scope, expectedVersion: number, values: CalendarValues): Promise<CalendarRow | undefined> {
  const [row] = await tx.orm
    .update(serviceCalendars)
    .set({ ...values, version: sql`${serviceCalendars.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, serviceCalendars.orgId), eq(serviceCalendars.version, expectedVersion)))
    .returning();
  return row;
}

// -- contracted scope -------------------------------------------------------------------------

/** The account's scope; the caller has checked that the account is visible. */
export async function findServiceScope(db: Db, scope: Scope, accountId: string, options: { forUpdate?: boolean } = {}): Promise<ScopeRow | undefined> {
  const query = db.orm.select().from(accountServiceScopes).where(and(inOrg(scope, accountServiceScopes.orgId), eq(accountServiceScopes.accountId, accountId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

type ScopeValues = Pick<ScopeRow, "included" | "excluded" | "notes">;

export async function insertServiceScope(tx: Db, scope: Scope, accountId: string, values: ScopeValues): Promise<ScopeRow | undefined> {
  inOrg(scope, accountServiceScopes.orgId);
  const [row] = await tx.orm.insert(accountServiceScopes).values({ orgId: scope.orgId, accountId, ...values }).onConflictDoNothing().returning();
  return row;
}

export async function updateServiceScope(tx: Db, scope: Scope, accountId: string, expectedVersion: number, values: ScopeValues): Promise<ScopeRow | undefined> {
  const [row] = await tx.orm
    .update(accountServiceScopes)
    .set({ ...values, version: sql`${accountServiceScopes.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, accountServiceScopes.orgId), eq(accountServiceScopes.accountId, accountId), eq(accountServiceScopes.version, expectedVersion)))
    .returning();
  return row;
}

// -- cases ------------------------------------------------------------------------------------

/** The visible, live account a case may be opened on, with its tier. */
export async function findCaseAccount(db: Db, scope: Scope, accountId: string): Promise<{ id: string; tier: AccountTier } | undefined> {
  const [row] = await db.orm
    .select({ id: accounts.id, tier: accounts.tier })
    .from(accounts)
    .where(and(inOrg(scope, accounts.orgId), eq(accounts.id, accountId), isNull(accounts.deletedAt), visibleAccount(scope)))
    .limit(1);
  return row;
}

export interface CaseFilter {
  id?: string;
  accountId?: string;
  statuses?: readonly CaseStatus[];
  priorities?: readonly SlaPriority[];
  /** A user id, or null for unassigned cases. */
  assigneeUserId?: string | null;
  open?: boolean;
  openedSince?: Date;
}

const assignee = alias(users, "assignee");

/** Cases on the accounts the scope may see (live accounts only), most recently opened first. */
export async function listCases(db: Db, scope: Scope, filter: CaseFilter, options: { limit?: number; forUpdate?: boolean } = {}): Promise<CaseRow[]> {
  const where = and(
    inOrg(scope, cases.orgId),
    isNull(accounts.deletedAt),
    visibleAccount(scope, cases.accountId),
    filter.id ? eq(cases.id, filter.id) : undefined,
    filter.accountId ? eq(cases.accountId, filter.accountId) : undefined,
    filter.statuses ? inArray(cases.status, [...filter.statuses]) : undefined,
    filter.priorities ? inArray(cases.priority, [...filter.priorities]) : undefined,
    filter.assigneeUserId === null ? isNull(cases.assigneeUserId) : filter.assigneeUserId ? eq(cases.assigneeUserId, filter.assigneeUserId) : undefined,
    filter.open === true ? sql`${cases.status} <> 'resolved'` : filter.open === false ? eq(cases.status, "resolved") : undefined,
    filter.openedSince ? gte(cases.openedAt, filter.openedSince) : undefined,
  );
  const query = db.orm
    .select({ case: cases, accountName: accounts.name, assigneeName: assignee.name })
    .from(cases)
    .innerJoin(accounts, and(eq(accounts.orgId, cases.orgId), eq(accounts.id, cases.accountId)))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeUserId))
    .where(where)
    .orderBy(desc(cases.openedAt), desc(cases.id));
  const limited = options.limit === undefined ? query : query.limit(options.limit);
  const rows = options.forUpdate ? await limited.for("update", { of: cases }) : await limited;
  return rows.map((row) => ({ ...row.case, accountName: row.accountName, assigneeName: row.assigneeName ?? null }));
}

export async function findCase(db: Db, scope: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const [row] = await listCases(db, scope, { id }, { limit: 1, forUpdate: options.forUpdate });
  return row;
}

export async function insertCase(tx: Db, scope: Scope, values: Omit<typeof cases.$inferInsert, "orgId">): Promise<void> {
  inOrg(scope, cases.orgId);
  await tx.orm.insert(cases).values({ ...values, orgId: scope.orgId });
}

/** Undefined when the version is stale. */
export async function updateCase(
  tx: Db,
  scope: Scope,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<typeof cases.$inferInsert, "title" | "description" | "priority" | "assigneeUserId" | "status" | "firstResponseAt" | "resolvedAt">>,
): Promise<boolean> {
  const rows = await tx.orm
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, cases.orgId), eq(cases.id, id), eq(cases.version, expectedVersion)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

export interface NewCaseEvent {
  id: string;
  caseId: string;
  type: CaseEventType;
  at: Date;
  status: CaseStatus;
  actorUserId: string | null;
  body?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function insertCaseEvents(tx: Db, scope: Scope, events: readonly NewCaseEvent[]): Promise<void> {
  inOrg(scope, caseEvents.orgId);
  if (events.length === 0) return;
  await tx.orm.insert(caseEvents).values(events.map((e) => ({ ...e, orgId: scope.orgId })));
}

const actor = alias(users, "actor");

/** The events of cases the caller has already read (so may see), oldest first, in recorded order within an instant. */
export async function listCaseEvents(db: Db, scope: Scope, caseIds: readonly string[]): Promise<CaseEventRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.orm
    .select({ event: caseEvents, actorName: actor.name })
    .from(caseEvents)
    .leftJoin(actor, eq(actor.id, caseEvents.actorUserId))
    .where(and(inOrg(scope, caseEvents.orgId), inArray(caseEvents.caseId, [...caseIds])))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.at), asc(caseEvents.id));
  return rows.map((row) => ({ ...row.event, actorName: row.actorName ?? null }));
}

/** The instant of the case's latest event: a new one may not be dated before it. */
export async function lastEventAt(db: Db, scope: Scope, caseId: string): Promise<Date | null> {
  const [row] = await db.orm
    .select({ at: sql<Date | string | null>`max(${caseEvents.at})` })
    .from(caseEvents)
    .where(and(inOrg(scope, caseEvents.orgId), eq(caseEvents.caseId, caseId)));
  return row?.at ? new Date(row.at) : null;
}
