import type { TDashboardAccount, TDashboardSegment, TProgrammeDashboard, TProgrammeDashboardQuery } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { ACCOUNT_TIERS, zonedDateOf, type AccountTier } from "@openkam/domain";
import { DEFAULT_REPORT_TARGETS, netPromoterScore, percentOf, quartersUpTo, shiftQuarter, trafficLight } from "@openkam/domain/reports/index";
import Decimal from "decimal.js";
import type { Scope } from "../../tenancy/scope";
import { createCadenceAssessor } from "../cadence/cadence.assessor";
import * as cadence from "../cadence/cadence.repository";
import * as repo from "./dashboard.repository";
import { resolveQuarter } from "./qbr.service";
import { listCasesOpenedIn, type QuarterRange } from "./reports.repository";
import { addTally, emptyTally, loadSlaContext, resolutionAttainment, tallySla, type SlaTally } from "./reports.sla";

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

const growthPct = (current: Decimal, previous: Decimal) =>
  previous.isZero() ? null : current.minus(previous).div(previous).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
const csatOf = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

interface Figures {
  row: repo.DashboardAccountRow & { revenue: string; revenuePrevYear: string };
  sla: SlaTally;
  cadenceOverdue: boolean | null;
}

/** The measures of a set of accounts, summed from their per-account figures. */
function measure(figures: readonly Figures[]) {
  let revenue = new Decimal(0);
  let previous = new Decimal(0);
  const survey = { promoters: 0, passives: 0, detractors: 0, responses: 0, csatSum: 0, csatCount: 0 };
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
    nps: netPromoterScore(survey),
    csat: csatOf(survey.csatSum, survey.csatCount),
    responses: survey.responses,
    slaAttainment: resolutionAttainment(sla),
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

function presentAccount(f: Figures): TDashboardAccount {
  const t = DEFAULT_REPORT_TARGETS;
  const r = f.row;
  const growth = growthPct(new Decimal(r.revenue), new Decimal(r.revenuePrevYear));
  const nps = netPromoterScore(r);
  const csat = csatOf(r.csatSum, r.csatCount);
  const sla = resolutionAttainment(f.sla);
  const plan = percentOf(r.actionsDone, r.actionsLive);
  return {
    id: r.id, name: r.name, tier: r.tier, industry: r.industry, ownerName: r.ownerName, revenue: new Decimal(r.revenue).toFixed(2), revenueGrowthPct: growth, nps, csat,
    slaAttainment: sla, cadenceOverdue: f.cadenceOverdue, planCompletion: plan, openFeedback: r.openFeedback, overdueFeedback: r.overdueFeedback,
    lights: {
      growth: trafficLight(growth, t.revenueGrowthPct, { amberShare: 0 }),
      nps: trafficLight(nps, t.nps, { amberShare: 0 }),
      csat: trafficLight(csat, t.csat),
      sla: trafficLight(sla, t.slaAttainment),
      cadence: f.cadenceOverdue === null ? null : f.cadenceOverdue ? "red" : "green",
      plan: trafficLight(plan, t.planCompletion),
      feedback: r.overdueFeedback > 0 ? "red" : r.openFeedback > 0 ? "amber" : "green",
    },
  };
}

/**
 * The programme for the director: its figures for the quarter over the accounts the caller sees
 * (directors and admins all, account managers their own), by tier and industry, the trend over
 * eight quarters and every account with its traffic lights. A handful of set-based statements,
 * whatever the number of accounts.
 */
export async function getProgrammeDashboard({ db, scope, query, now = new Date() }: Options & { query: TProgrammeDashboardQuery }): Promise<TProgrammeDashboard> {
  const { currency, timeZone } = await repo.organizationSettings(db, scope);
  const quarter = resolveQuarter(query.quarter, timeZone, now);
  const range = { quarter, timeZone };
  const tiers = query.tier === undefined ? undefined : Array.isArray(query.tier) ? query.tier : [query.tier];
  const filter = { tiers };
  const trendQuarters = quartersUpTo(quarter, TREND_QUARTERS);
  const [rows, revenue, byStatus, surveyTrend, overdue, sla] = await Promise.all([
    repo.listDashboardAccounts(db, scope, { range, now, filter }),
    repo.listAccountRevenue(db, scope, { quarter, yearBefore: shiftQuarter(quarter, -4), currency, filter }),
    repo.feedbackByStatus(db, scope, filter),
    repo.listSurveyTrend(db, scope, { first: trendQuarters[0]!, last: quarter, timeZone, filter }),
    cadenceOverdue(db, scope, timeZone, now, tiers),
    slaByAccount(db, scope, range, now),
  ]);
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
    targets: { ...DEFAULT_REPORT_TARGETS },
    totals: measure(figures),
    feedbackByStatus: byStatus,
    segments: segments(figures),
    trend: trendQuarters.map((q) => {
      const t = surveysIn.get(repo.quarterIndex(q));
      return { quarter: q.key, nps: t ? netPromoterScore(t) : null, csat: t ? csatOf(t.csatSum, t.csatCount) : null, responses: t?.responses ?? 0 };
    }),
    effort: null,
    accounts: figures.map(presentAccount),
  };
}
