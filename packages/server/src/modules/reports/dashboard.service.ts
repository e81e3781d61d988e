import type { TDashboardAccount, TDashboardSegment, TDashboardTarget, TProgrammeDashboard, TProgrammeDashboardQuery } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { ACCOUNT_TIERS, kpiDefinition, trafficLight, zonedDateOf, type AccountTier, type KpiKey, type ScorecardConfig } from "@openkam/domain";
import { percentOf, quartersUpTo, shiftQuarter } from "@openkam/domain/reports/index";
import { csatFromTotals, npsFromCounts } from "@openkam/domain/surveys/metrics";
import Decimal from "decimal.js";
import type { Scope } from "../../tenancy/scope";
import { createCadenceAssessor } from "../cadence/cadence.assessor";
import * as cadence from "../cadence/cadence.repository";
import { getScorecardConfig } from "../kpis/scorecards.service";
import * as repo from "./dashboard.repository";
import { resolveQuarter } from "./qbr.service";
import { listCasesOpenedIn, type QuarterRange } from "./reports.repository";
import { addTally, emptyTally, loadSlaContext, tallySla, type SlaTally } from "./reports.sla";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment the dashboard is built at; the request's time. */
  now?: Date;
}

const TREND_QUARTERS = 8;

/** Per account, whether some planned contact is overdue now; accounts nobody works are absent. */
async function cadenceOverdue(db: Db, scope: Scope, timeZone: string, now: Date, tiers: readonly AccountTier[] | undefined): Promise<Map<string, boolean>> {
  const [accounts, policies] = await Promise.all([
    cadence.listCadenceAccounts(db, scope, { now, timeZone, filter: { tiers, workedOnly: true } }),
    cadence.listTierPolicies(db, scope),
  ]);
  const tierOverrides = new Map(policies.map((p) => [p.tier, p.intervals]));
  const assessor = createCadenceAssessor({ today: zonedDateOf(now, timeZone) });
  return new Map(accounts.map((a) => [a.id, assessor.assess({
    accountId: a.id, tier: a.tier, override: { ...tierOverrides.get(a.tier), ...a.overrides }, startedOn: a.startedOn, last: a.last,
  }).some((d) => d.daysOverdue > 0)]));
}

async function slaByAccount(db: Db, scope: Scope, range: QuarterRange, now: Date): Promise<Map<string, SlaTally>> {
  const [opened, ctx] = await Promise.all([listCasesOpenedIn(db, scope, range), loadSlaContext(db, scope)]);
  return tallySla(db, scope, ctx, opened, now);
}

/** Growth on the same quarter a year before, as the KPI `revenue_growth_yoy`: null when that quarter had no revenue. */
const growthPct = (current: Decimal, previous: Decimal) =>
  previous.lte(0) ? null : current.minus(previous).div(previous).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
/** The KPI `csat`: the share of satisfied answers (4 or 5). */
const satisfiedPct = (s: { csatSum: number; csatCount: number; csatSatisfied: number }) =>
  csatFromTotals({ responses: s.csatCount, sum: s.csatSum, satisfied: s.csatSatisfied }).satisfiedPct;
/** The KPI `sla_attainment`: first-response and resolution clocks together. */
const slaPct = (t: SlaTally) => percentOf(t.firstResponseMet + t.resolutionMet, t.firstResponseStopped + t.resolutionStopped);

/** The dashboard's measures and the scorecard KPI each one is coloured against. */
const MEASURE_KPIS = {
  revenueGrowthPct: "revenue_growth_yoy",
  nps: "nps",
  csat: "csat",
  slaAttainment: "sla_attainment",
  cadenceCompliance: "cadence_compliance",
  planCompletion: "plan_action_completion",
} as const satisfies Record<string, KpiKey>;

type Targets = TProgrammeDashboard["targets"];

/** Each measure's target, tolerance and direction from the scorecard; null for a KPI the card leaves out. */
function targetsOf(config: ScorecardConfig): Targets {
  const onCard = new Map(config.perspectives.flatMap((p) => p.kpis.map((k) => [k.key, k] as const)));
  const targetOf = (key: KpiKey): TDashboardTarget => {
    const kpi = onCard.get(key);
    return kpi ? { kpi: key, target: kpi.target, tolerance: kpi.tolerance, direction: kpiDefinition(key).direction } : null;
  };
  return Object.fromEntries(Object.entries(MEASURE_KPIS).map(([measure, key]) => [measure, targetOf(key)])) as Targets;
}

const lightOf = (value: number | null, target: TDashboardTarget) => (target === null ? null : trafficLight(value, target.target, target.direction, target.tolerance));

interface Figures {
  row: repo.DashboardAccountRow & { revenue: string; revenuePrevYear: string };
  sla: SlaTally;
  cadenceOverdue: boolean | null;
}

/** The measures of a set of accounts, summed from their per-account figures. */
function measure(figures: readonly Figures[]) {
  let revenue = new Decimal(0);
  let previous = new Decimal(0);
  const survey = { promoters: 0, passives: 0, detractors: 0, responses: 0, csatSum: 0, csatCount: 0, csatSatisfied: 0 };
  const sla = emptyTally();
  let worked = 0;
  let kept = 0;
  let done = 0;
  let live = 0;
  let openFeedback = 0;
  let overdueFeedback = 0;
  for (const f of figures) {
    revenue = revenue.plus(f.row.revenue);
    previous = previous.plus(f.row.revenuePrevYear);
    for (const key of Object.keys(survey) as Array<keyof typeof survey>) survey[key] += f.row[key];
    addTally(sla, f.sla);
    if (f.cadenceOverdue !== null) {
      worked++;
      if (!f.cadenceOverdue) kept++;
    }
    done += f.row.actionsDone;
    live += f.row.actionsLive;
    openFeedback += f.row.openFeedback;
    overdueFeedback += f.row.overdueFeedback;
  }
  return {
    accounts: figures.length,
    revenue: revenue.toFixed(2),
    revenueGrowthPct: growthPct(revenue, previous),
    nps: npsFromCounts(survey).nps,
    csat: satisfiedPct(survey),
    responses: survey.responses,
    slaAttainment: slaPct(sla),
    cadenceCompliance: percentOf(kept, worked),
    planCompletion: percentOf(done, live),
    openFeedback,
    overdueFeedback,
  };
}

function segments(figures: readonly Figures[]): TDashboardSegment[] {
  const groups = new Map<string, { dimension: "tier" | "industry"; key: string; figures: Figures[] }>();
  for (const f of figures) {
    for (const [dimension, key] of [["tier", f.row.tier], ["industry", f.row.industry ?? ""]] as const) {
      const id = `${dimension}:${key}`;
      const group = groups.get(id) ?? { dimension, key, figures: [] };
      group.figures.push(f);
      groups.set(id, group);
    }
  }
  return [...groups.values()].map((g) => ({ dimension: g.dimension, key: g.key, ...measure(g.figures) }));
}

function presentAccount(f: Figures, t: Targets): TDashboardAccount {
  const r = f.row;
  const growth = growthPct(new Decimal(r.revenue), new Decimal(r.revenuePrevYear));
  const nps = npsFromCounts(r).nps;
  const csat = satisfiedPct(r);
  const sla = slaPct(f.sla);
  const plan = percentOf(r.actionsDone, r.actionsLive);
  // One account's cadence compliance is all or nothing.
  const cadenceCompliance = f.cadenceOverdue === null ? null : f.cadenceOverdue ? 0 : 100;
  return {
    id: r.id, name: r.name, tier: r.tier, industry: r.industry, ownerName: r.ownerName, revenue: new Decimal(r.revenue).toFixed(2), revenueGrowthPct: growth, nps, csat,
    slaAttainment: sla, cadenceOverdue: f.cadenceOverdue, planCompletion: plan, openFeedback: r.openFeedback, overdueFeedback: r.overdueFeedback,
    lights: {
      growth: lightOf(growth, t.revenueGrowthPct),
      nps: lightOf(nps, t.nps),
      csat: lightOf(csat, t.csat),
      sla: lightOf(sla, t.slaAttainment),
      cadence: lightOf(cadenceCompliance, t.cadenceCompliance),
      plan: lightOf(plan, t.planCompletion),
      feedback: r.overdueFeedback > 0 ? "red" : r.openFeedback > 0 ? "amber" : "green",
    },
  };
}

/**
 * The programme for the director: its figures for the quarter over the accounts the caller sees
 * (directors and admins all, account managers their own), by tier and industry, the trend over
 * eight quarters and every account with its traffic lights against the organization's scorecard
 * (the target, tolerance and direction of the matching KPI; none for a KPI off the card). A handful of set-based statements,
 * whatever the number of accounts.
 */
export async function getProgrammeDashboard({ db, scope, query, now = new Date() }: Options & { query: TProgrammeDashboardQuery }): Promise<TProgrammeDashboard> {
  const { currency, timeZone } = await repo.organizationSettings(db, scope);
  const quarter = resolveQuarter(query.quarter, timeZone, now);
  const range = { quarter, timeZone };
  const tiers = query.tier === undefined ? undefined : Array.isArray(query.tier) ? query.tier : [query.tier];
  const filter = { tiers };
  const trendQuarters = quartersUpTo(quarter, TREND_QUARTERS);
  const [rows, revenue, byStatus, surveyTrend, overdue, sla, scorecard] = await Promise.all([
    repo.listDashboardAccounts(db, scope, { range, now, filter }),
    repo.listAccountRevenue(db, scope, { quarter, yearBefore: shiftQuarter(quarter, -4), currency, filter }),
    repo.feedbackByStatus(db, scope, filter),
    repo.listSurveyTrend(db, scope, { first: trendQuarters[0]!, last: quarter, timeZone, filter }),
    cadenceOverdue(db, scope, timeZone, now, tiers),
    slaByAccount(db, scope, range, now),
    getScorecardConfig({ db, scope }),
  ]);
  const targets = targetsOf(scorecard.config);
  const revenueOf = new Map(revenue.map((r) => [r.accountId, r]));
  const surveysIn = new Map(surveyTrend.map((t) => [t.quarter, t]));
  const figures = rows.map((row): Figures => ({
    row: { ...row, revenue: revenueOf.get(row.id)?.current ?? "0", revenuePrevYear: revenueOf.get(row.id)?.previous ?? "0" },
    sla: sla.get(row.id) ?? emptyTally(),
    cadenceOverdue: overdue.get(row.id) ?? null,
  }));
  // Tier first (the database's order), then the biggest accounts of the quarter.
  const tierRank = new Map(rows.map((r, i) => [r.id, i]));
  figures.sort((a, b) => ACCOUNT_TIERS.indexOf(a.row.tier) - ACCOUNT_TIERS.indexOf(b.row.tier) || new Decimal(b.row.revenue).comparedTo(a.row.revenue) || tierRank.get(a.row.id)! - tierRank.get(b.row.id)!);
  return {
    quarter: { key: quarter.key, from: quarter.from, to: quarter.to },
    generatedAt: now.toISOString(),
    currency,
    targets,
    totals: measure(figures),
    feedbackByStatus: byStatus,
    segments: segments(figures),
    trend: trendQuarters.map((q) => {
      const t = surveysIn.get(repo.quarterIndex(q));
      return { quarter: q.key, nps: t ? npsFromCounts(t).nps : null, csat: t ? satisfiedPct(t) : null, responses: t?.responses ?? 0 };
    }),
    effort: null,
    accounts: figures.map((f) => presentAccount(f, targets)),
  };
}
