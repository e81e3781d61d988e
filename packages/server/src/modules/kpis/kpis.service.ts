import type { TKpiDefinition, TKpiDefinitionDetail, TKpiSubject, TKpiValues, TScorecard } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import {
  KPI_DEFINITIONS, kpiDefinition, quarterOf, quarterPeriod, scoreScorecard, trafficLight, trailingQuarters, zonedDateOf, type KpiKey, type KpiPeriod,
  type ScorecardConfig,
} from "@openkam/domain";
import { notFound } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { assertCanSeeManager } from "./kpis.policy";
import { measure, measureContext, quarterlyRevenue, type MeasureContext } from "./kpis.measure";
import { queryTextOf } from "./kpis.sql-text";
import * as repo from "./kpis.repository";
import type { KpiSubjectFilter } from "./kpis.queries";
import { getScorecardConfig } from "./scorecards.service";

/** Who the KPIs are measured for; the programme is its pilot cohort, or all strategic and key accounts without one. */
export type KpiSubject = { kind: "account"; accountId: string } | { kind: "manager"; userId: string } | { kind: "programme" };

interface Options {
  db: Db;
  scope: Scope;
  /** The request's time: where "the current quarter" and the SLA clocks are read. */
  now?: Date;
}

export function listKpiDefinitions(): TKpiDefinition[] {
  return KPI_DEFINITIONS.map((d) => ({ ...d }));
}

export function getKpiDefinition(key: KpiKey): TKpiDefinitionDetail {
  return { ...kpiDefinition(key), ...queryTextOf(key) };
}

/** The subject as the caller may see it: 404 for an account they cannot see, 403 for someone else's manager card. */
async function resolveSubject(db: Db, scope: Scope, subject: KpiSubject): Promise<{ filter: KpiSubjectFilter; presented: TKpiSubject }> {
  switch (subject.kind) {
    case "account": {
      const name = await repo.visibleAccountName(db, scope, subject.accountId);
      if (name === undefined) throw notFound("Account");
      return { filter: subject, presented: { ...subject, name } };
    }
    case "manager": {
      assertCanSeeManager(scope, subject.userId);
      const name = await repo.memberName(db, scope, subject.userId);
      if (name === undefined) throw notFound("User");
      return { filter: subject, presented: { ...subject, name } };
    }
    case "programme": {
      const cohort = (await repo.hasProgrammeCohort(db, scope)) ? "programme" : "key_accounts";
      return { filter: { kind: "programme", cohort }, presented: { kind: "programme", cohort } };
    }
  }
}

const onCard = (config: ScorecardConfig) => new Map(config.perspectives.flatMap((p) => p.kpis.map((k) => [k.key, k] as const)));

/**
 * Every KPI of the library for a subject and period (the current quarter by default), each with
 * its target and traffic light when it is on the organization's scorecard.
 */
export async function computeKpis({ db, scope, subject, period, now = new Date() }: Options & { subject: KpiSubject; period?: KpiPeriod }): Promise<TKpiValues> {
  const resolved = await resolveSubject(db, scope, subject);
  const ctx = await measureContext(db, scope, now);
  const range = period ?? quarterPeriod(quarterOf(zonedDateOf(now, ctx.timeZone)));
  const [m, { config }] = await Promise.all([measure(ctx, resolved.filter, range), getScorecardConfig({ db, scope })]);
  const card = onCard(config);
  return {
    subject: resolved.presented,
    period: range,
    currency: ctx.currency,
    accounts: m.accounts,
    excludedOrders: m.excludedOrders,
    values: KPI_DEFINITIONS.map((d) => {
      const value = m.values[d.key];
      const target = card.get(d.key);
      return {
        key: d.key, value, unit: d.unit, direction: d.direction,
        ...(target ? { target: target.target, status: trafficLight(value, target.target, d.direction, target.tolerance) } : {}),
      };
    }),
  };
}

async function measureQuarters(ctx: MeasureContext, filter: KpiSubjectFilter, quarters: readonly string[]) {
  // The orders are read once for all the quarters (their windows overlap); the rest quarter by quarter.
  const revenue = await quarterlyRevenue(ctx, filter, quarters.map(quarterPeriod));
  const results = [];
  // Quarter after quarter: each is a handful of small statements, and PGlite runs one at a time anyway.
  for (const [i, quarter] of quarters.entries()) results.push({ quarter, measurement: await measure(ctx, filter, quarterPeriod(quarter), revenue[i]) });
  return results;
}

/**
 * The balanced scorecard of a subject for a quarter (the current one by default): the
 * organization's configuration scored on the quarter's KPIs, with each KPI's and the card's trend
 * over the last four quarters.
 */
export async function scorecardOf({ db, scope, subject, quarter, now = new Date() }: Options & { subject: KpiSubject; quarter?: string }): Promise<TScorecard> {
  const resolved = await resolveSubject(db, scope, subject);
  const [ctx, configResponse] = await Promise.all([measureContext(db, scope, now), getScorecardConfig({ db, scope })]);
  const { config } = configResponse;
  const asked = quarter ?? quarterOf(zonedDateOf(now, ctx.timeZone));
  const quarters = trailingQuarters(asked, 4);
  const measured = await measureQuarters(ctx, resolved.filter, quarters);
  const cards = measured.map((q) => ({ quarter: q.quarter, card: scoreScorecard(config, q.measurement.values), values: q.measurement.values }));
  const last = measured.at(-1)!.measurement;
  const card = cards.at(-1)!.card;
  return {
    subject: resolved.presented,
    quarter: asked,
    period: quarterPeriod(asked),
    currency: ctx.currency,
    accounts: last.accounts,
    excludedOrders: last.excludedOrders,
    configVersion: configResponse.version,
    score: card.score,
    status: card.status,
    perspectives: card.perspectives.map((p) => ({
      key: p.key, weight: p.weight, normalisedWeight: p.normalisedWeight, score: p.score, status: p.status,
      kpis: p.kpis.map((k) => {
        const d = kpiDefinition(k.key);
        return {
          key: k.key, unit: d.unit, direction: d.direction, value: k.value, target: k.target, weight: k.weight, normalisedWeight: k.normalisedWeight,
          tolerance: k.tolerance, attainment: k.attainment === null ? null : Math.round(k.attainment * 1e4) / 1e4, status: k.status,
          trend: cards.map((c) => ({ quarter: c.quarter, value: c.values[k.key], status: trafficLight(c.values[k.key], k.target, d.direction, k.tolerance) })),
        };
      }),
    })),
    trend: cards.map((c) => ({ quarter: c.quarter, score: c.card.score, status: c.card.status })),
  };
}
