import type { Db } from "@openkam/db";
import {
  averageClv, averageHours, cadenceCompliance, clockEventsOf, computeCaseSla, csatKpi, defineBusinessCalendar, endOfZonedDay, feedbackClosureDays,
  npsKpi, planActionCompletion, previousPeriod, resolveSlaTarget, retentionOf, revenueGrowth, shareOfWallet, slaAttainment, STANDARD_WEEKLY_HOURS,
  trailingYears, yearBeforePeriod, zonedDateOf, type AccountTier, type BusinessCalendar, type CadencePolicyOverride, type KpiKey, type KpiPeriod,
  type SlaClockReading, type SlaTargetOverrides,
} from "@openkam/domain";
import Decimal from "decimal.js";
import type { Scope } from "../../tenancy/scope";
import { createCadenceAssessor } from "../cadence/cadence.assessor";
import * as cadenceRepo from "../cadence/cadence.repository";
import * as serviceRepo from "../service/service.repository";
import type { KpiSubjectFilter, RevenueWindows } from "./kpis.queries";
import * as repo from "./kpis.repository";

/** What every period's measurement shares: read once per request, not once per quarter. */
export interface MeasureContext {
  db: Db;
  scope: Scope;
  currency: string;
  timeZone: string;
  now: Date;
  sla: { overrides: SlaTargetOverrides; calendar: BusinessCalendar };
  cadenceTiers: Partial<Record<AccountTier, CadencePolicyOverride>>;
}

export async function measureContext(db: Db, scope: Scope, now: Date): Promise<MeasureContext> {
  const [{ currency, timeZone }, policies, calendarRow, tierPolicies] = await Promise.all([
    repo.organizationSettings(db, scope), serviceRepo.listSlaPolicies(db, scope), serviceRepo.findCalendar(db, scope), cadenceRepo.listTierPolicies(db, scope),
  ]);
  const overrides: SlaTargetOverrides = {};
  for (const row of policies) {
    overrides[row.tier] = { ...overrides[row.tier], [row.priority]: { firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes, businessHours: row.businessHours } };
  }
  const calendarZone = calendarRow?.timeZone ?? timeZone;
  const calendar = defineBusinessCalendar({ timeZone: calendarZone, weeklyHours: calendarRow?.weeklyHours ?? STANDARD_WEEKLY_HOURS, holidays: (calendarRow?.holidays ?? []).map((h) => h.date) });
  return { db, scope, currency, timeZone, now, sla: { overrides, calendar }, cadenceTiers: Object.fromEntries(tierPolicies.map((row) => [row.tier, row.intervals])) };
}

export interface Measurement {
  values: Record<KpiKey, number | null>;
  accounts: number;
  excludedOrders: { currency: number };
}

const pct = (ratio: number | null, decimals = 1): number | null => (ratio === null ? null : Math.round(ratio * 100 * 10 ** decimals) / 10 ** decimals + 0);
const num = (text: string) => new Decimal(text);
const money = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

function estimateOf(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** The five windows the revenue KPIs read for a period. */
export function revenueWindows(period: KpiPeriod): RevenueWindows {
  const years = trailingYears(period.to);
  return { current: period, previous: previousPeriod(period), yearBefore: yearBeforePeriod(period), trailing: years.current, trailingPrior: years.prior };
}

const WINDOW_NAMES = ["current", "previous", "yearBefore", "trailing", "trailingPrior"] as const;

/**
 * The revenue rows of several quarters from one statement: revenue per account and month over all
 * their windows (the five windows of a quarter are whole months), summed per window here, exactly.
 */
export async function quarterlyRevenue(ctx: MeasureContext, subject: KpiSubjectFilter, periods: readonly KpiPeriod[]): Promise<repo.RevenueRow[][]> {
  const windows = periods.map(revenueWindows);
  const all = windows.flatMap((w) => WINDOW_NAMES.map((n) => w[n]));
  const range = { from: all.map((p) => p.from).sort()[0]!, to: all.map((p) => p.to).sort().at(-1)! };
  const rows = await repo.monthlyRevenueRows(ctx.db, ctx.scope, subject, { currency: ctx.currency, timeZone: ctx.timeZone, range });
  // Exact sums in cents (BigInt): thousands of accounts × months, far too many for Decimal objects.
  const accounts = new Map<string, { row: repo.MonthlyRevenueRow; months: Map<string, { cents: bigint; other: number }> }>();
  for (const row of rows) {
    const account = accounts.get(row.accountId) ?? { row, months: new Map() };
    if (row.month !== null) account.months.set(row.month, { cents: centsOf(row.amount), other: Number(row.otherCurrency) });
    accounts.set(row.accountId, account);
  }
  const sum = (months: Map<string, { cents: bigint; other: number }>, keys: readonly string[]) => {
    let cents = 0n;
    let other = 0;
    for (const key of keys) {
      const m = months.get(key);
      if (m) {
        cents += m.cents;
        other += m.other;
      }
    }
    return { cents, other };
  };
  return windows.map((w) => {
    const keys = Object.fromEntries(WINDOW_NAMES.map((n) => [n, monthKeys(w[n])])) as Record<(typeof WINDOW_NAMES)[number], string[]>;
    const span = [...new Set(Object.values(keys).flat())];
    return [...accounts.values()].map(({ row, months }) => {
      const sums = Object.fromEntries(WINDOW_NAMES.map((n) => [n, textOfCents(sum(months, keys[n]).cents)])) as Record<(typeof WINDOW_NAMES)[number], string>;
      return { accountId: row.accountId, createdOn: row.createdOn, estimatedTotalSpend: row.estimatedTotalSpend, ...sums, otherCurrency: sum(months, span).other };
    });
  });
}

/** The `YYYY-MM` keys of the months a period of whole months covers. */
function monthKeys(period: KpiPeriod): string[] {
  const keys: string[] = [];
  let [year, month] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) return keys;
    keys.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** "1234.5" or "-12.34" or "0" → cents. */
function centsOf(text: string): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  const negative = whole.startsWith("-");
  const cents = BigInt(whole.replace("-", "")) * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -cents : cents;
}

function textOfCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

async function financial(ctx: MeasureContext, subject: KpiSubjectFilter, period: KpiPeriod, given?: repo.RevenueRow[]) {
  const windows = revenueWindows(period);
  const rows = given ?? await repo.revenueRows(ctx.db, ctx.scope, subject, { currency: ctx.currency, timeZone: ctx.timeZone, windows });
  const total = (pick: (r: repo.RevenueRow) => string) => rows.reduce((s, r) => s.plus(num(pick(r))), new Decimal(0));
  const revenue = total((r) => r.current);
  const retention = retentionOf(rows.map((r) => ({
    prior: num(r.trailingPrior).toNumber(), current: num(r.trailing).toNumber(), createdInWindow: r.createdOn >= windows.trailing.from,
  })));
  return {
    ids: new Set(rows.map((r) => r.accountId)),
    excluded: rows.reduce((s, r) => s + Number(r.otherCurrency), 0),
    values: {
      revenue: money(revenue),
      revenue_growth_yoy: pct(revenueGrowth(revenue.toNumber(), total((r) => r.yearBefore).toNumber())),
      revenue_growth_qoq: pct(revenueGrowth(revenue.toNumber(), total((r) => r.previous).toNumber())),
      logo_retention: pct(retention.logo),
      gross_revenue_retention: pct(retention.grossRevenue),
      net_revenue_retention: pct(retention.netRevenue),
      share_of_wallet: pct(shareOfWallet(rows.map((r) => ({ revenue12m: num(r.trailing).toNumber(), estimatedTotalSpend: estimateOf(r.estimatedTotalSpend) })))),
    },
  };
}

async function service(ctx: MeasureContext, subject: KpiSubjectFilter, period: KpiPeriod) {
  const input = { timeZone: ctx.timeZone, period };
  const [rows, events] = await Promise.all([repo.caseRows(ctx.db, ctx.scope, subject, input), repo.caseEventRows(ctx.db, ctx.scope, subject, input)]);
  const byCase = new Map<string, typeof events>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list) list.push(e);
    else byCase.set(e.caseId, [e]);
  }
  const first: SlaClockReading[] = [];
  const resolution: SlaClockReading[] = [];
  for (const row of rows) {
    const sla = computeCaseSla({
      events: clockEventsOf(byCase.get(row.id) ?? []),
      target: resolveSlaTarget(row.tier, row.priority, ctx.sla.overrides),
      calendar: ctx.sla.calendar,
      now: new Date(Math.max(ctx.now.getTime(), row.openedAt.getTime())),
    });
    first.push({ stopped: sla.firstResponse.stoppedAt !== null, met: sla.firstResponse.state === "met", elapsedMinutes: sla.firstResponse.elapsedMinutes });
    resolution.push({ stopped: sla.resolution.stoppedAt !== null, met: sla.resolution.state === "met", elapsedMinutes: sla.resolution.elapsedMinutes });
  }
  return { sla_attainment: pct(slaAttainment([...first, ...resolution])), first_response_hours: averageHours(first), resolution_hours: averageHours(resolution) };
}

/** The cadence module's own assessment of the subject's accounts, on the period's last day (or today, for a period not over). */
async function cadence(ctx: MeasureContext, subject: KpiSubjectFilter, period: KpiPeriod, subjectIds: ReadonlySet<string>) {
  const today = zonedDateOf(ctx.now, ctx.timeZone);
  const day = period.to < today ? period.to : today;
  const at = new Date(Math.min(ctx.now.getTime(), endOfZonedDay(day, ctx.timeZone).getTime()));
  const filter = subject.kind === "account" ? { accountId: subject.accountId, workedOnly: true } : subject.kind === "manager" ? { ownerUserId: subject.userId, workedOnly: true } : { workedOnly: true };
  const accounts = (await cadenceRepo.listCadenceAccounts(ctx.db, ctx.scope, { now: at, timeZone: ctx.timeZone, filter }))
    .filter((a) => subjectIds.has(a.id) && a.startedOn <= day);
  const assessor = createCadenceAssessor({ today: day });
  return pct(cadenceCompliance(accounts.map((a) => {
    const dues = assessor.assess({ accountId: a.id, tier: a.tier, override: { ...ctx.cadenceTiers[a.tier], ...a.overrides }, startedOn: a.startedOn, last: a.last });
    return { planned: dues.length, overdue: dues.filter((d) => d.daysOverdue > 0).length };
  })));
}

/**
 * Every KPI of the library for one subject and period: a handful of set-based statements
 * (revenue windows, CLV, survey scores, cases and their events, plan actions, closed feedback, the
 * cadence accounts), whatever the number of accounts.
 */
export async function measure(ctx: MeasureContext, subject: KpiSubjectFilter, period: KpiPeriod, revenue?: repo.RevenueRow[]): Promise<Measurement> {
  const input = { timeZone: ctx.timeZone, period };
  const [money, clv, scores, sla, actions, closed] = await Promise.all([
    financial(ctx, subject, period, revenue),
    repo.clvRows(ctx.db, ctx.scope, subject, { currency: ctx.currency, asOf: period.to }),
    repo.surveyScoreRows(ctx.db, ctx.scope, subject, input),
    service(ctx, subject, period),
    repo.planActionRows(ctx.db, ctx.scope, subject, { period }),
    repo.feedbackClosedRows(ctx.db, ctx.scope, subject, input),
  ]);
  const histogram = (kind: "nps" | "csat") => scores.filter((s) => s.kind === kind).map((s) => ({ score: Number(s.score), answers: Number(s.answers) }));
  return {
    accounts: money.ids.size,
    excludedOrders: { currency: money.excluded },
    values: {
      ...money.values,
      clv: averageClv(clv.map((r) => Number(r.clv))),
      nps: npsKpi(histogram("nps")),
      csat: csatKpi(histogram("csat")),
      ...sla,
      cadence_compliance: await cadence(ctx, subject, period, money.ids),
      plan_action_completion: pct(planActionCompletion(actions.flatMap((a) => Array.from({ length: a.actions }, () => ({ status: a.status }))))),
      feedback_closure_days: feedbackClosureDays(closed),
    },
  };
}
