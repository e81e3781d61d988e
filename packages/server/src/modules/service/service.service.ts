import type {
  TCaseActionRequest, TCaseListQuery, TCreateCaseRequest, TCreateCaseTaskRequest, TPutServiceCalendarRequest, TPutServiceScopeRequest, TPutSlaPolicyRequest,
  TServiceMetrics, TServiceMetricsQuery, TUpdateCaseRequest,
} from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import {
  ACCOUNT_TIERS,
  SLA_PRIORITIES,
  STANDARD_WEEKLY_HOURS,
  applyCaseAction,
  clockEventsOf,
  computeCaseSla,
  defineBusinessCalendar,
  recentMonths,
  resolveSlaTarget,
  summariseResponseTimes,
  type AccountTier,
  type BusinessCalendar,
  type CaseSla,
  type SlaPriority,
  type SlaTargetOverrides,
} from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { createTask } from "../tasks/tasks.service";
import { assertCanSetServiceLevels, assertCanSetServiceScope, assertCanWrite } from "./service.policy";
import { presentCalendar, presentCase, presentCaseDetail, presentPolicy, presentServiceScope, presentSla } from "./service.presenter";
import * as repo from "./service.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The instant the SLA clocks are read at; the request's time. */
  now?: Date;
}

/** Everything an SLA clock needs besides the case: the organization's targets and its calendar. */
interface SlaContext {
  overrides: SlaTargetOverrides;
  calendar: BusinessCalendar;
  timeZone: string;
}

function overridesOf(rows: readonly repo.SlaPolicyRow[]): SlaTargetOverrides {
  const overrides: SlaTargetOverrides = {};
  for (const row of rows) {
    overrides[row.tier] = { ...overrides[row.tier], [row.priority]: { firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes, businessHours: row.businessHours } };
  }
  return overrides;
}

async function slaContext(db: Db, scope: Scope): Promise<SlaContext> {
  const policies = await repo.listSlaPolicies(db, scope);
  const calendarRow = await repo.findCalendar(db, scope);
  const timeZone = calendarRow?.timeZone ?? (await repo.orgTimeZone(db, scope));
  const calendar = defineBusinessCalendar({
    timeZone,
    weeklyHours: calendarRow?.weeklyHours ?? STANDARD_WEEKLY_HOURS,
    holidays: (calendarRow?.holidays ?? []).map((h) => h.date),
  });
  return { overrides: overridesOf(policies), calendar, timeZone };
}

function slaOf(ctx: SlaContext, row: repo.CaseRow, events: readonly repo.CaseEventRow[], now: Date): CaseSla {
  return computeCaseSla({
    events: clockEventsOf(events),
    target: resolveSlaTarget(row.tier, row.priority, ctx.overrides),
    calendar: ctx.calendar,
    // A case opened a moment "in the future" by a clock slightly ahead is read at its opening.
    now: new Date(Math.max(now.getTime(), row.openedAt.getTime())),
  });
}

function eventsByCase(events: readonly repo.CaseEventRow[]): Map<string, repo.CaseEventRow[]> {
  const map = new Map<string, repo.CaseEventRow[]>();
  for (const event of events) map.set(event.caseId, [...(map.get(event.caseId) ?? []), event]);
  return map;
}

// -- policies ---------------------------------------------------------------------------------

export async function listPolicies({ db, scope }: Options) {
  const rows = await repo.listSlaPolicies(db, scope);
  const overrides = overridesOf(rows);
  const byKey = new Map(rows.map((row) => [`${row.tier}:${row.priority}`, row]));
  return {
    items: ACCOUNT_TIERS.flatMap((tier) =>
      SLA_PRIORITIES.map((priority) => presentPolicy(tier, priority, resolveSlaTarget(tier, priority, overrides), byKey.get(`${tier}:${priority}`))),
    ),
  };
}

/** Sets the organization's target for a tier and priority; version 0 the first time, so two first writers cannot both win. */
export async function putPolicy({ db, scope, tier, priority, input, expected }: Options & {
  tier: AccountTier;
  priority: SlaPriority;
  input: TPutSlaPolicyRequest;
  expected: ExpectedVersion;
}) {
  assertCanSetServiceLevels(scope);
  const values = { firstResponseMinutes: input.firstResponseMinutes, resolutionMinutes: input.resolutionMinutes, businessHours: input.businessHours };
  const key = { tier, priority };
  return db.transaction(async (tx) => {
    const current = await repo.findSlaPolicyForUpdate(tx, scope, tier, priority);
    const before = presentPolicy(tier, priority, resolveSlaTarget(tier, priority, current ? overridesOf([current]) : {}), current);
    if (before.version !== expected.version) throw staleVersion(expected, before);
    const row = current ? await repo.updateSlaPolicy(tx, scope, key, expected.version, values) : await repo.insertSlaPolicy(tx, scope, key, values);
    if (!row) throw staleVersion(expected, before);
    const after = presentPolicy(tier, priority, values, row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "sla_policy", entityId: scope.orgId, before: current ? before : undefined, after });
    return after;
  });
}

// -- calendar ---------------------------------------------------------------------------------

export async function getCalendar({ db, scope }: Options) {
  return presentCalendar(await repo.findCalendar(db, scope), await repo.orgTimeZone(db, scope));
}

export async function putCalendar({ db, scope, input, expected }: Options & { input: TPutServiceCalendarRequest; expected: ExpectedVersion }) {
  assertCanSetServiceLevels(scope);
  const dates = input.holidays.map((h) => h.date);
  if (new Set(dates).size !== dates.length) throw invalid("holidays", "Each holiday date may be listed once");
  const orgZone = await repo.orgTimeZone(db, scope);
  try {
    defineBusinessCalendar({ timeZone: input.timeZone ?? orgZone, weeklyHours: input.weeklyHours, holidays: dates });
  } catch (error) {
    if (error instanceof RangeError) throw invalid(/zone/i.test(error.message) ? "timeZone" : "weeklyHours", error.message);
    throw error;
  }
  const values = { timeZone: input.timeZone, weeklyHours: input.weeklyHours, holidays: input.holidays };
  return db.transaction(async (tx) => {
    const current = await repo.findCalendar(tx, scope, { forUpdate: true });
    const before = presentCalendar(current, orgZone);
    if (before.version !== expected.version) throw staleVersion(expected, before);
    const row = current ? await repo.updateCalendar(tx, scope, expected.version, values) : await repo.insertCalendar(tx, scope, values);
    if (!row) throw staleVersion(expected, before);
    const after = presentCalendar(row, orgZone);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "service_calendar", entityId: scope.orgId, before: current ? before : undefined, after });
    return after;
  });
}

// -- contracted scope -------------------------------------------------------------------------

async function assertVisibleAccount(db: Db, scope: Scope, accountId: string) {
  const account = await repo.findCaseAccount(db, scope, accountId);
  if (!account) throw notFound("Account");
  return account;
}

export async function getServiceScope({ db, scope, accountId }: Options & { accountId: string }) {
  await assertVisibleAccount(db, scope, accountId);
  return presentServiceScope(accountId, await repo.findServiceScope(db, scope, accountId));
}

export async function putServiceScope({ db, scope, accountId, input, expected }: Options & { accountId: string; input: TPutServiceScopeRequest; expected: ExpectedVersion }) {
  const values = { included: input.included, excluded: input.excluded, notes: input.notes ?? null };
  return db.transaction(async (tx) => {
    await assertVisibleAccount(tx, scope, accountId);
    assertCanSetServiceScope(scope);
    const current = await repo.findServiceScope(tx, scope, accountId, { forUpdate: true });
    const before = presentServiceScope(accountId, current);
    if (before.version !== expected.version) throw staleVersion(expected, before);
    const row = current ? await repo.updateServiceScope(tx, scope, accountId, expected.version, values) : await repo.insertServiceScope(tx, scope, accountId, values);
    if (!row) throw staleVersion(expected, before);
    const after = presentServiceScope(accountId, row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "account_service_scope", entityId: accountId, before: current ? before : undefined, after });
    return after;
  });
}

// -- cases ------------------------------------------------------------------------------------

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** When filtering by SLA state, the clocks of at most this many matching cases are read. */
const SLA_FILTER_WINDOW = 5000;

export async function listCases({ db, scope, query, now = new Date() }: Options & { query: TCaseListQuery }) {
  const slaStates = asList(query.slaState);
  const filter: repo.CaseFilter = {
    accountId: query.accountId,
    statuses: asList(query.status),
    priorities: asList(query.priority),
    assigneeUserId: query.assigneeUserId === "none" ? null : query.assigneeUserId,
    open: query.open,
  };
  const rows = await repo.listCases(db, scope, filter, { limit: slaStates ? SLA_FILTER_WINDOW : query.limit + 1 });
  const ctx = await slaContext(db, scope);
  const events = eventsByCase(await repo.listCaseEvents(db, scope, rows.map((r) => r.id)));
  const matching = rows
    .map((row) => ({ row, sla: presentSla(slaOf(ctx, row, events.get(row.id) ?? [], now), now) }))
    .filter(({ sla }) => !slaStates || slaStates.includes(sla.state));
  return { items: matching.slice(0, query.limit).map(({ row, sla }) => presentCase(row, sla)), truncated: matching.length > query.limit };
}

async function caseDetail(db: Db, scope: Scope, id: string, now: Date) {
  const row = await repo.findCase(db, scope, id);
  if (!row) throw notFound("Case");
  const events = await repo.listCaseEvents(db, scope, [id]);
  const ctx = await slaContext(db, scope);
  return presentCaseDetail(row, presentSla(slaOf(ctx, row, events, now), now), events);
}

export async function getCase({ db, scope, id, now = new Date() }: Options & { id: string }) {
  return caseDetail(db, scope, id, now);
}

const YEAR_MS = 366 * 86_400_000;
// Clocks of different machines disagree a little; an instant this far ahead still counts as now.
const CLOCK_SKEW_MS = 60_000;

/** An instant a case event may carry: not in the future, not before the case's last event, within a year. */
function eventInstant(field: string, at: string | undefined, now: Date, notBefore: Date | null): Date {
  if (at === undefined) return notBefore && notBefore > now ? notBefore : now;
  const instant = new Date(at);
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid(field, "This cannot be in the future");
  if (instant.getTime() < now.getTime() - YEAR_MS) throw invalid(field, "This cannot be more than a year ago");
  if (notBefore && instant < notBefore) throw invalid(field, "This cannot be before the case's last event");
  return instant;
}

async function checkAssignee(tx: Db, scope: Scope, assigneeUserId: string | null | undefined) {
  if (assigneeUserId && !(await isActiveMember(tx, scope, assigneeUserId))) {
    throw invalid("assigneeUserId", "The assignee must be an active member of this organization");
  }
}

/** Opens a case on a visible account, at its current tier, and records the opening its clocks start from. */
export async function createCase({ db, scope, input, now = new Date() }: Options & { input: TCreateCaseRequest }) {
  assertCanWrite(scope);
  const openedAt = eventInstant("openedAt", input.openedAt, now, null);
  const id = await db.transaction(async (tx) => {
    const account = await repo.findCaseAccount(tx, scope, input.accountId);
    if (!account) throw invalid("accountId", "The account does not exist");
    await checkAssignee(tx, scope, input.assigneeUserId);
    const caseId = newId();
    await repo.insertCase(tx, scope, {
      id: caseId,
      accountId: account.id,
      title: input.title,
      description: input.description ?? null,
      priority: input.priority,
      status: "open",
      assigneeUserId: input.assigneeUserId ?? null,
      tier: account.tier,
      openedAt,
      createdBy: scope.userId,
    });
    await repo.insertCaseEvents(tx, scope, [{ id: newId(), caseId, type: "opened", at: openedAt, status: "open", actorUserId: scope.userId, body: input.description ?? null }]);
    await recordAudit(tx, scope, {
      action: "create",
      entityType: "case",
      entityId: caseId,
      after: { accountId: account.id, title: input.title, priority: input.priority, tier: account.tier, assigneeUserId: input.assigneeUserId ?? null, openedAt: openedAt.toISOString() },
    });
    return caseId;
  });
  return caseDetail(db, scope, id, now);
}

export async function updateCase({ db, scope, id, input, expected, now = new Date() }: Options & { id: string; input: TUpdateCaseRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  await db.transaction(async (tx) => {
    const current = await repo.findCase(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Case");
    if (current.version !== expected.version) throw staleVersion(expected, await caseDetail(tx, scope, id, now));
    if (patch.assigneeUserId !== undefined && patch.assigneeUserId !== current.assigneeUserId) await checkAssignee(tx, scope, patch.assigneeUserId);
    const at = eventInstant("at", undefined, now, await repo.lastEventAt(tx, scope, id));
    const events: repo.NewCaseEvent[] = [];
    const event = (type: "assigned" | "priority_changed", detail: Record<string, unknown>) =>
      events.push({ id: newId(), caseId: id, type, at, status: current.status, actorUserId: scope.userId, detail });
    if (patch.assigneeUserId !== undefined && patch.assigneeUserId !== current.assigneeUserId) event("assigned", { from: current.assigneeUserId, to: patch.assigneeUserId });
    if (patch.priority !== undefined && patch.priority !== current.priority) event("priority_changed", { from: current.priority, to: patch.priority });
    if (!(await repo.updateCase(tx, scope, id, expected.version, patch))) throw staleVersion(expected, await caseDetail(tx, scope, id, now));
    await repo.insertCaseEvents(tx, scope, events);
    const before = { title: current.title, description: current.description, priority: current.priority, assigneeUserId: current.assigneeUserId, version: current.version };
    await recordAudit(tx, scope, { action: "update", entityType: "case", entityId: id, before, after: { ...before, ...patch, version: current.version + 1 } });
  });
  return caseDetail(db, scope, id, now);
}

/**
 * Records what the team did on a case (an answer, a wait on the customer, their reply, the
 * resolution, a reopening, a note) as an event; the SLA clocks are replayed from these events.
 * The version is optional: actions append to the history, and the status rules refuse one that
 * no longer makes sense.
 */
export async function recordCaseAction({ db, scope, id, input, expected, now = new Date() }: Options & {
  id: string;
  input: TCaseActionRequest;
  expected: ExpectedVersion | null;
}) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findCase(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("Case");
    if (expected && current.version !== expected.version) throw staleVersion(expected, await caseDetail(tx, scope, id, now));
    const step = applyCaseAction(current.status, input.action);
    if (!step) throw new AppError("CONFLICT", `A case that is ${current.status.replace(/_/g, " ")} cannot take the action "${input.action}"`);
    const at = eventInstant("at", input.at, now, await repo.lastEventAt(tx, scope, id));
    const patch: Parameters<typeof repo.updateCase>[4] = { status: step.status };
    if (step.type === "responded" || step.type === "resolved") patch.firstResponseAt = current.firstResponseAt ?? at;
    if (step.type === "resolved") patch.resolvedAt = at;
    if (step.type === "reopened") patch.resolvedAt = null;
    if (!(await repo.updateCase(tx, scope, id, current.version, patch))) throw new AppError("CONFLICT", "The case changed meanwhile; try again");
    await repo.insertCaseEvents(tx, scope, [{ id: newId(), caseId: id, type: step.type, at, status: step.status, actorUserId: scope.userId, body: input.body ?? null }]);
    await recordAudit(tx, scope, {
      action: "update",
      entityType: "case",
      entityId: id,
      before: { status: current.status, version: current.version },
      after: { status: step.status, event: step.type, at: at.toISOString(), version: current.version + 1 },
    });
  });
  return caseDetail(db, scope, id, now);
}

/** A follow-up task on the case's account, linked back to the case. */
export async function createCaseTask({ db, scope, id, input }: Options & { id: string; input: TCreateCaseTaskRequest }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findCase(tx, scope, id);
    if (!current) throw notFound("Case");
    const priority = current.priority === "P1" ? "urgent" : current.priority === "P2" ? "high" : "medium";
    return createTask({
      db: tx,
      scope,
      input: { title: input.title, accountId: current.accountId, assigneeUserId: input.assigneeUserId ?? current.assigneeUserId, dueDate: input.dueDate ?? null, priority },
      source: { type: "case", id },
    });
  });
}

// -- metrics ----------------------------------------------------------------------------------

/**
 * Monthly first-response and resolution times, as the SLA clocks count them (paused time and
 * closed hours left out), per tier or account, with the share of cases within target. A case
 * counts in the month it was opened.
 */
export async function serviceMetrics({ db, scope, query, now = new Date() }: Options & { query: TServiceMetricsQuery }): Promise<TServiceMetrics> {
  if (query.accountId) await assertVisibleAccount(db, scope, query.accountId);
  const ctx = await slaContext(db, scope);
  const { periods, since } = recentMonths({ now, months: query.months, timeZone: ctx.timeZone });
  const rows = await repo.listCases(db, scope, { accountId: query.accountId, openedSince: since });
  const events = eventsByCase(await repo.listCaseEvents(db, scope, rows.map((r) => r.id)));
  const measured = rows.map((row) => {
    const sla = slaOf(ctx, row, events.get(row.id) ?? [], now);
    const stopped = (clock: CaseSla["firstResponse"]) => (clock.stoppedAt === null ? null : clock.elapsedMinutes);
    return { row, sla, times: { accountId: row.accountId, tier: row.tier, openedAt: row.openedAt, firstResponseMinutes: stopped(sla.firstResponse), resolutionMinutes: stopped(sla.resolution) } };
  });
  const summary = summariseResponseTimes({ cases: measured.map((m) => m.times), groupBy: query.by, period: "month", timeZone: ctx.timeZone });
  const names = new Map(rows.map((row) => [row.accountId, row.accountName]));
  const attainment = (group: string, period: string, clock: "firstResponse" | "resolution") => {
    const stoppedClocks = measured
      .filter((m) => (query.by === "account" ? m.row.accountId : m.row.tier) === group && summaryPeriod(m.row.openedAt, ctx.timeZone) === period)
      .map((m) => m.sla[clock])
      .filter((c) => c.stoppedAt !== null);
    return stoppedClocks.length === 0 ? null : stoppedClocks.filter((c) => c.state === "met").length / stoppedClocks.length;
  };
  const round = <T extends { mean: number; median: number } | null>(stats: T): T => (stats === null ? stats : { ...stats, mean: Math.round(stats.mean * 10) / 10, median: Math.round(stats.median * 10) / 10 });
  return {
    by: query.by,
    timeZone: ctx.timeZone,
    periods,
    rows: summary.map((row) => ({
      group: row.group,
      groupName: query.by === "account" ? (names.get(row.group) ?? row.group) : row.group,
      period: row.period,
      cases: row.cases,
      firstResponse: round(row.firstResponse),
      resolution: round(row.resolution),
      firstResponseAttainment: attainment(row.group, row.period, "firstResponse"),
      resolutionAttainment: attainment(row.group, row.period, "resolution"),
    })),
  };
}

function summaryPeriod(openedAt: Date, timeZone: string): string {
  return recentMonths({ now: openedAt, months: 1, timeZone }).periods[0]!;
}

