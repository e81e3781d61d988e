import type { TPlanContent, TQbr } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { zonedDateOf } from "@openkam/domain";
import { initiativeRoi } from "@openkam/domain/growth/initiatives";
import { actionCompletion } from "@openkam/domain/plans/index";
import { parseQuarter, quarterOfDate, shiftQuarter, type Quarter } from "@openkam/domain/reports/index";
import { csatFromTotals, npsFromCounts } from "@openkam/domain/surveys/metrics";
import Decimal from "decimal.js";
import { notFound } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { getAccountCadence } from "../cadence/cadence.service";
import { listInitiatives } from "../growth/initiatives.service";
import { accountKpis } from "./reports.kpis";
import * as repo from "./reports.repository";
import { firstResponseAttainment, loadSlaContext, resolutionAttainment, tallySla, emptyTally } from "./reports.sla";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment the pack is built at; the request's time. */
  now?: Date;
}

/** The quarter asked for, or the current one in the organization's calendar. */
export function resolveQuarter(key: string | undefined, timeZone: string, now: Date): Quarter {
  const parsed = key === undefined ? null : parseQuarter(key);
  return parsed ?? quarterOfDate(zonedDateOf(now, timeZone));
}

const quarterInfo = (q: Quarter) => ({ key: q.key, from: q.from, to: q.to });
const money = (d: Decimal) => d.toFixed(2);

/** The growth module's ROI of an initiative (a ratio) in percent, one decimal. */
function roiPct(delivered: string, investment: string): number | null {
  const roi = initiativeRoi({ delivered, investment });
  return roi === null ? null : Math.round(roi * 1000) / 10 + 0;
}

function planSection(rows: readonly repo.PlanRow[], quarter: Quarter, asOf: string) {
  return rows
    .filter((p) => p.periodStart <= quarter.to && p.periodEnd >= quarter.from)
    .map((p) => {
      const content = p.content as TPlanContent;
      const live = content.actions.filter((a) => a.status !== "cancelled");
      const done = live.filter((a) => a.status === "done").length;
      return {
        id: p.id, title: p.title, status: p.status, periodStart: p.periodStart, periodEnd: p.periodEnd, progress: p.progress,
        actionCompletion: actionCompletion(content.actions),
        actions: {
          total: live.length,
          done,
          open: live.length - done,
          overdue: live.filter((a) => a.status !== "done" && a.dueDate !== null && a.dueDate < asOf).length,
        },
        objectives: content.objectives.map((o) => ({ title: o.title, baseline: o.baseline, target: o.target, current: o.current, unit: o.unit })),
      };
    });
}

async function valueSection(db: Db, scope: Scope, accountId: string, quarter: Quarter): Promise<TQbr["value"]> {
  // Initiatives under way or delivered whose dates (when set) touch the quarter.
  const initiatives = (await listInitiatives({ db, scope, accountId })).items.filter((i) =>
    (i.status === "active" || i.status === "delivered") && (i.startDate === null || i.startDate <= quarter.to) && (i.targetDate === null || i.targetDate >= quarter.from));
  const totals = new Map<string, { promised: Decimal; delivered: Decimal; investment: Decimal }>();
  for (const i of initiatives) {
    const t = totals.get(i.currency) ?? { promised: new Decimal(0), delivered: new Decimal(0), investment: new Decimal(0) };
    totals.set(i.currency, { promised: t.promised.plus(i.valuePromised), delivered: t.delivered.plus(i.valueDelivered), investment: t.investment.plus(i.investment) });
  }
  return {
    initiatives: initiatives.map((i) => ({
      id: i.id, title: i.title, status: i.status, valueKind: i.valueKind, currency: i.currency, valuePromised: i.valuePromised, valueDelivered: i.valueDelivered,
      investment: i.investment, roiPct: roiPct(i.valueDelivered, i.investment), targetDate: i.targetDate,
    })),
    totals: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({
      currency, valuePromised: money(t.promised), valueDelivered: money(t.delivered), investment: money(t.investment), roiPct: roiPct(money(t.delivered), money(t.investment)),
    })),
  };
}

async function surveySection(db: Db, scope: Scope, accountId: string, range: repo.QuarterRange): Promise<TQbr["surveys"]> {
  const [tally, comments] = await Promise.all([repo.surveyTally(db, scope, accountId, range), repo.surveyComments(db, scope, accountId, range)]);
  return {
    responses: tally.responses, promoters: tally.promoters, passives: tally.passives, detractors: tally.detractors,
    nps: npsFromCounts(tally).nps,
    csat: csatFromTotals({ responses: tally.csatCount, sum: tally.csatSum, satisfied: 0 }).mean,
    comments,
  };
}

async function serviceSection(db: Db, scope: Scope, accountId: string, range: repo.QuarterRange, now: Date): Promise<TQbr["service"]> {
  const [byType, byStatus, opened, ctx] = await Promise.all([
    repo.interactionsByType(db, scope, accountId, range), repo.casesByStatus(db, scope, accountId, range),
    repo.listCasesOpenedIn(db, scope, range, accountId), loadSlaContext(db, scope),
  ]);
  const tally = (await tallySla(db, scope, ctx, opened, now)).get(accountId) ?? emptyTally();
  return {
    interactions: { total: byType.reduce((n, r) => n + r.count, 0), byType },
    cases: {
      opened: opened.length,
      resolved: byStatus.find((s) => s.status === "resolved")?.count ?? 0,
      byStatus,
      firstResponseAttainment: firstResponseAttainment(tally),
      resolutionAttainment: resolutionAttainment(tally),
    },
  };
}

async function nextQuarterSection(db: Db, scope: Scope, accountId: string, plans: readonly repo.PlanRow[], next: Quarter, now: Date): Promise<TQbr["nextQuarter"]> {
  const actions = plans.flatMap((p) => (p.content as TPlanContent).actions
    .filter((a) => a.status !== "done" && a.status !== "cancelled" && a.dueDate !== null && a.dueDate <= next.to)
    .map((a) => ({ plan: p, action: a })));
  const [names, tasks, cadence] = await Promise.all([
    repo.userNames(db, [...new Set(actions.flatMap(({ action }) => (action.ownerUserId ? [action.ownerUserId] : [])))]),
    repo.listOpenTasksDueBy(db, scope, accountId, next.to),
    getAccountCadence({ db, scope, accountId, now }),
  ]);
  return {
    quarter: quarterInfo(next),
    planActions: actions
      .sort((a, b) => (a.action.dueDate ?? "").localeCompare(b.action.dueDate ?? ""))
      .map(({ plan, action }) => ({
        planId: plan.id, planTitle: plan.title, title: action.title, dueDate: action.dueDate, status: action.status,
        ownerName: action.ownerUserId ? (names.get(action.ownerUserId) ?? null) : null,
      })),
    tasks,
    cadence: cadence.items.filter((d) => d.dueOn <= next.to).map((d) => ({ kind: d.kind, dueOn: d.dueOn, status: d.status, daysUntilDue: d.daysUntilDue })),
  };
}

/** The quarterly business review pack of one account: every section, from the modules that own the data. */
export async function getQbr({ db, scope, accountId, quarterKey, now = new Date() }: Options & { accountId: string; quarterKey?: string }): Promise<TQbr> {
  const header = await repo.findAccountHeader(db, scope, accountId);
  if (!header) throw notFound("Account");
  const quarter = resolveQuarter(quarterKey, header.timeZone, now);
  const next = shiftQuarter(quarter, 1);
  const range = { quarter, timeZone: header.timeZone };
  const today = zonedDateOf(now, header.timeZone);
  const asOf = today < quarter.to ? today : quarter.to;

  const [team, plans, value, feedbackCounts, feedbackItems, surveys, service, kpis] = await Promise.all([
    repo.listTeam(db, scope, accountId),
    repo.listPlansOverlapping(db, scope, accountId, quarter.from, next.to),
    valueSection(db, scope, accountId, quarter),
    repo.feedbackCounts(db, scope, accountId, range),
    repo.listFeedbackActedOn(db, scope, accountId, range),
    surveySection(db, scope, accountId, range),
    serviceSection(db, scope, accountId, range, now),
    accountKpis(db, scope, accountId, quarter, now),
  ]);
  return {
    quarter: quarterInfo(quarter),
    generatedAt: now.toISOString(),
    account: {
      id: header.id, name: header.name, tier: header.tier, status: header.status, industry: header.industry, region: header.region, currency: header.currency,
      owner: header.ownerUserId && header.ownerName ? { userId: header.ownerUserId, name: header.ownerName } : null,
      team,
    },
    kpis: kpis.values,
    kpiCurrency: kpis.currency,
    scorecard: kpis.scorecard,
    plans: planSection(plans, quarter, asOf),
    value,
    feedback: { ...feedbackCounts, items: feedbackItems },
    surveys,
    service,
    nextQuarter: await nextQuarterSection(db, scope, accountId, plans, next, now),
  };
}
