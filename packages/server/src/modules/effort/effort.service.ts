import type {
  TAccountEffort, TCreateEffortEntryRequest, TEffortAllocation, TEffortAllocationQuery, TEffortEntryList, TEffortPeriodQuery, TListEffortQuery,
  TPutEffortSettingsRequest, TUpdateEffortEntryRequest,
} from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import {
  allocateEffort, DEFAULT_INTERACTION_MINUTES, MATRIX_QUADRANTS, daysBetweenIsoDates, shiftIsoDate, zonedDateOf, type EffortAccountInput, type MatrixQuadrant,
} from "@openkam/domain";
import Decimal from "decimal.js";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { assertCanChangeEntry, assertCanLog, assertCanManageAllocation } from "./effort.policy";
import { auditedEntry, presentEffortAccount, presentEntry, presentSettings, roundShare, settingsOf } from "./effort.presenter";
import * as repo from "./effort.repository";
import { latestOrganizationRun, runResults } from "./effort-runs.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The request's time: "today" in the organization's zone, and the end of what has happened. */
  now?: Date;
}

/** A period longer than this is refused: the allocation reads every interaction of it. */
const MAX_PERIOD_DAYS = 3 * 366;
export const DEFAULT_PERIOD_DAYS = 90;

/** The period asked for, defaulting to the 90 days to today in the organization's time zone. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): { from: string; to: string } {
  const to = query.to ?? zonedDateOf(now, timeZone);
  const from = query.from ?? shiftIsoDate(to, -(DEFAULT_PERIOD_DAYS - 1));
  const days = daysBetweenIsoDates(from, to);
  if (days < 0) throw invalid("from", "The period must start on or before its end");
  if (days >= MAX_PERIOD_DAYS) throw invalid("from", "Choose a period of at most three years");
  return { from, to };
}

async function requireEntry(tx: Db, scope: Scope, id: string) {
  const entry = await repo.findEntry(tx, scope, id, { forUpdate: true });
  if (!entry) throw notFound("Time entry");
  return entry;
}

async function reload(db: Db, scope: Scope, id: string) {
  const row = await repo.findEntry(db, scope, id);
  if (!row) throw notFound("Time entry");
  return presentEntry(row);
}

export async function logEffort({ db, scope, input }: Options & { input: TCreateEffortEntryRequest }) {
  const userId = input.userId ?? scope.userId;
  if (!userId) throw invalid("userId", "Say whose time this is");
  assertCanLog(scope, userId);
  const sourceId = input.sourceId ?? null;
  if ((input.source === "manual") !== (sourceId === null)) {
    throw invalid("sourceId", input.source === "manual" ? "A manual entry has no source record" : `Name the ${input.source} the time was spent on`);
  }
  const id = newId();
  await db.transaction(async (tx) => {
    if (!(await accountExists(tx, scope, input.accountId))) throw notFound("Account");
    if (input.source !== "manual" && !(await repo.sourceOnAccount(tx, scope, input.source, sourceId!, input.accountId))) {
      throw invalid("sourceId", `No such ${input.source} on this account`);
    }
    if (!(await repo.isActiveMember(tx, scope, userId))) throw invalid("userId", "Log time for an active member of this organization");
    await repo.insertEntry(tx, scope, { id, accountId: input.accountId, userId, workedOn: input.workedOn, minutes: input.minutes, source: input.source, sourceId, note: input.note ?? null, createdBy: scope.userId });
    const row = (await repo.findEntry(tx, scope, id))!;
    await recordAudit(tx, scope, { action: "create", entityType: "effort_entry", entityId: id, after: auditedEntry(row) });
  });
  return reload(db, scope, id);
}

export async function updateEffort({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateEffortEntryRequest; expected: ExpectedVersion }) {
  await db.transaction(async (tx) => {
    const current = await requireEntry(tx, scope, id);
    assertCanChangeEntry(scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, presentEntry(current));
    const patch = {
      ...(input.workedOn === undefined ? {} : { workedOn: input.workedOn }),
      ...(input.minutes === undefined ? {} : { minutes: input.minutes }),
      ...(input.note === undefined ? {} : { note: input.note }),
    };
    if (!(await repo.updateEntry(tx, scope, id, current.version, patch))) throw staleVersion(expected, presentEntry(current));
    const after = (await repo.findEntry(tx, scope, id))!;
    await recordAudit(tx, scope, { action: "update", entityType: "effort_entry", entityId: id, before: auditedEntry(current), after: auditedEntry(after) });
  });
  return reload(db, scope, id);
}

export async function deleteEffort({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  await db.transaction(async (tx) => {
    const current = await requireEntry(tx, scope, id);
    assertCanChangeEntry(scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, presentEntry(current));
    await repo.deleteEntry(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "effort_entry", entityId: id, before: auditedEntry(current) });
  });
}

/** Entries on the accounts the caller sees, newest first. */
export async function listEffort({ db, scope, query, now = new Date() }: Options & { query: TListEffortQuery }): Promise<TEffortEntryList> {
  const { timeZone } = await repo.orgTimeZoneAndCurrency(db, scope);
  const filter = { ...periodOf(query, timeZone, now), accountId: query.accountId, userId: query.userId };
  const [rows, totalMinutes] = await Promise.all([repo.listEntries(db, scope, filter, query.limit + 1), repo.sumEntries(db, scope, filter)]);
  return { items: rows.slice(0, query.limit).map(presentEntry), totalMinutes, truncated: rows.length > query.limit };
}

/** Minutes recorded on interactions and minutes estimated for those without, per account. */
function interactionMinutes(rows: readonly repo.InteractionEffortRow[]) {
  const byAccount = new Map<string, { recorded: number; estimated: number }>();
  for (const r of rows) {
    const m = byAccount.get(r.account_id) ?? { recorded: 0, estimated: 0 };
    m.recorded += r.recorded_minutes;
    m.estimated += r.estimated_people * DEFAULT_INTERACTION_MINUTES[r.type];
    byAccount.set(r.account_id, m);
  }
  return byAccount;
}

/** One account's effort in the period: logged time by source and person, and the interactions' share. */
export async function getAccountEffort({ db, scope, accountId, query, now = new Date() }: Options & { accountId: string; query: TEffortPeriodQuery }): Promise<TAccountEffort> {
  if (!(await accountExists(db, scope, accountId))) throw notFound("Account");
  const { timeZone } = await repo.orgTimeZoneAndCurrency(db, scope);
  const period = periodOf(query, timeZone, now);
  const filter = { ...period, accountId };
  const [totals, fromInteractions, recent] = await Promise.all([
    repo.accountEntryTotals(db, scope, filter),
    repo.interactionEffortByAccount(db, scope, { ...period, timeZone, now, accountId }),
    repo.listEntries(db, scope, filter, 20),
  ]);
  const bySource = { interaction: 0, case: 0, task: 0, manual: 0, estimated: 0 };
  const byUser = new Map<string, { userId: string; name: string; minutes: number }>();
  for (const t of totals) {
    bySource[t.source] += t.minutes;
    const u = byUser.get(t.user_id) ?? { userId: t.user_id, name: t.name, minutes: 0 };
    u.minutes += t.minutes;
    byUser.set(t.user_id, u);
  }
  const interactionsOf = interactionMinutes(fromInteractions).get(accountId) ?? { recorded: 0, estimated: 0 };
  bySource.interaction += interactionsOf.recorded;
  bySource.estimated = interactionsOf.estimated;
  const loggedMinutes = bySource.interaction + bySource.case + bySource.task + bySource.manual;
  return {
    accountId, ...period, loggedMinutes, estimatedMinutes: bySource.estimated, totalMinutes: loggedMinutes + bySource.estimated, bySource,
    byUser: [...byUser.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    recent: recent.map(presentEntry),
  };
}

const growthPct = (recent: Decimal, previous: Decimal): number | null =>
  previous.lte(0) ? null : recent.minus(previous).div(previous).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();

/**
 * The programme's effort against value: every live account's effort in the period (logged, and estimated for
 * interactions nobody logged), its revenue of the 12 months to the period's end, its CLV and quadrant from the
 * latest organization-wide runs.
 */
export async function getAllocation({ db, scope, query, now = new Date() }: Options & { query: TEffortAllocationQuery }): Promise<TEffortAllocation> {
  assertCanManageAllocation(scope);
  const { timeZone, currency } = await repo.orgTimeZoneAndCurrency(db, scope);
  const period = periodOf(query, timeZone, now);
  const [accounts, entries, fromInteractions, settingsRow, matrixRun, clvRun] = await Promise.all([
    repo.accountsWithRevenue(db, scope, { to: period.to, currency }),
    repo.entryMinutesByAccount(db, scope, period),
    repo.interactionEffortByAccount(db, scope, { ...period, timeZone, now }),
    repo.findSettings(db, scope),
    latestOrganizationRun(db, scope, "matrix"),
    latestOrganizationRun(db, scope, "clv"),
  ]);
  const [matrix, clv] = await Promise.all([matrixRun ? runResults(db, scope, matrixRun.id, { values: false }) : [], clvRun ? runResults(db, scope, clvRun.id, { values: true }) : []]);
  const quadrantOf = new Map(matrix.filter((r) => (MATRIX_QUADRANTS as readonly string[]).includes(r.grp ?? "")).map((r) => [r.accountId, r.grp as MatrixQuadrant]));
  const clvOf = new Map(clv.filter((r) => typeof r.values?.clv === "number").map((r) => [r.accountId, r.values!.clv as number]));
  const logged = new Map(entries.map((e) => [e.account_id, e.minutes]));
  const interactionsOf = interactionMinutes(fromInteractions);

  const settings = settingsOf(settingsRow);
  const inputs: EffortAccountInput[] = accounts.map((a) => {
    const i = interactionsOf.get(a.account_id);
    return {
      accountId: a.account_id, tier: a.tier,
      loggedMinutes: (logged.get(a.account_id) ?? 0) + (i?.recorded ?? 0),
      estimatedMinutes: i?.estimated ?? 0,
      revenue: Number(a.revenue),
      clv: clvOf.get(a.account_id) ?? null,
      quadrant: quadrantOf.get(a.account_id) ?? null,
    };
  });
  const result = allocateEffort(inputs, { settings, basis: query.basis });
  const facts = new Map(accounts.map((a) => [a.account_id, {
    name: a.name, revenue: a.revenue, clv: clvOf.get(a.account_id) ?? null, growthPct: growthPct(new Decimal(a.revenue), new Decimal(a.previous)),
  }]));
  const present = (a: (typeof result.accounts)[number]) => presentEffortAccount(a, facts.get(a.accountId)!);
  const listed = result.accounts
    .filter((a) => a.totalMinutes > 0 || a.valueShare > 0)
    .sort((a, b) => b.totalMinutes - a.totalMinutes || b.valueShare - a.valueShare || a.accountId.localeCompare(b.accountId));
  const money = (v: number) => new Decimal(v).toFixed(2);
  return {
    ...period, currency, basis: query.basis, settings: presentSettings(settingsRow),
    matrixRunId: matrixRun?.id ?? null, clvRunId: clvRun?.id ?? null,
    totals: { ...result.totals, value: money(result.totals.value) },
    split: result.split,
    quadrants: (Object.entries(result.quadrants) as Array<[keyof typeof result.quadrants, (typeof result.quadrants)["dog"]]>).map(([quadrant, b]) => ({
      quadrant, accounts: b.accounts, minutes: b.minutes, effortShare: roundShare(b.effortShare), value: money(b.value), valueShare: roundShare(b.valueShare),
    })),
    accounts: listed.map(present),
    overServed: result.overServed.map(present),
    underServed: result.underServed.map(present),
  };
}

export async function getSettings({ db, scope }: Options) {
  return presentSettings(await repo.findSettings(db, scope));
}

/** Saves the allocation policy (the first save replaces the defaults, version 0). */
export async function putSettings({ db, scope, input, expected }: Options & { input: TPutEffortSettingsRequest; expected?: ExpectedVersion }) {
  assertCanManageAllocation(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findSettings(tx, scope, { forUpdate: true });
    const before = presentSettings(current);
    if (expected && before.version !== expected.version) throw staleVersion(expected, before);
    const values = { keySharePct: input.keySharePct, overRatio: String(input.overRatio), underRatio: String(input.underRatio) };
    const row = current ? await repo.updateSettings(tx, scope, current.version, values) : await repo.insertSettings(tx, scope, values);
    if (!row) throw new AppError("CONFLICT", "Someone else saved the allocation settings at the same moment; reload and try again");
    const after = presentSettings(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "effort_settings", entityId: scope.orgId, before: current ? before : undefined, after });
    return after;
  });
}
