import type { Db } from "@openkam/db";
import {
  STANDARD_WEEKLY_HOURS, clockEventsOf, computeCaseSla, defineBusinessCalendar, resolveSlaTarget,
  type AccountTier, type BusinessCalendar, type SlaPriority, type SlaTargetOverrides,
} from "@openkam/domain";
import { percentOf } from "@openkam/domain/reports/index";
import type { Scope } from "../../tenancy/scope";
import * as service from "../service/service.repository";

/** The organization's SLA targets and calendar: what every case clock of a report is read against. */
export interface SlaContext {
  overrides: SlaTargetOverrides;
  calendar: BusinessCalendar;
}

export async function loadSlaContext(db: Db, scope: Scope): Promise<SlaContext> {
  const [policies, calendarRow, orgZone] = await Promise.all([service.listSlaPolicies(db, scope), service.findCalendar(db, scope), service.orgTimeZone(db, scope)]);
  const overrides: SlaTargetOverrides = {};
  for (const row of policies) {
    overrides[row.tier] = { ...overrides[row.tier], [row.priority]: { firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes, businessHours: row.businessHours } };
  }
  const calendar = defineBusinessCalendar({
    timeZone: calendarRow?.timeZone ?? orgZone,
    weeklyHours: calendarRow?.weeklyHours ?? STANDARD_WEEKLY_HOURS,
    holidays: (calendarRow?.holidays ?? []).map((h) => h.date),
  });
  return { overrides, calendar };
}

export interface ClockedCase {
  id: string;
  accountId: string;
  tier: AccountTier;
  priority: SlaPriority;
  openedAt: Date;
}

export interface SlaTally {
  firstResponseMet: number;
  firstResponseStopped: number;
  resolutionMet: number;
  resolutionStopped: number;
}

export const emptyTally = (): SlaTally => ({ firstResponseMet: 0, firstResponseStopped: 0, resolutionMet: 0, resolutionStopped: 0 });

/**
 * Replays each case's SLA clocks from its events, exactly as the service module does, and counts per
 * account the clocks that stopped and those that stopped within target. A clock still running is
 * not counted: whether it will be met is not known yet.
 */
export async function tallySla(db: Db, scope: Scope, ctx: SlaContext, rows: readonly ClockedCase[], now: Date): Promise<Map<string, SlaTally>> {
  const events = await service.listCaseEvents(db, scope, rows.map((r) => r.id));
  const byCase = new Map<string, typeof events>();
  for (const event of events) {
    const list = byCase.get(event.caseId);
    if (list) list.push(event);
    else byCase.set(event.caseId, [event]);
  }
  const tallies = new Map<string, SlaTally>();
  for (const row of rows) {
    const sla = computeCaseSla({
      events: clockEventsOf(byCase.get(row.id) ?? []),
      target: resolveSlaTarget(row.tier, row.priority, ctx.overrides),
      calendar: ctx.calendar,
      now: new Date(Math.max(now.getTime(), row.openedAt.getTime())),
    });
    const tally = tallies.get(row.accountId) ?? emptyTally();
    if (sla.firstResponse.stoppedAt !== null) {
      tally.firstResponseStopped++;
      if (sla.firstResponse.state === "met") tally.firstResponseMet++;
    }
    if (sla.resolution.stoppedAt !== null) {
      tally.resolutionStopped++;
      if (sla.resolution.state === "met") tally.resolutionMet++;
    }
    tallies.set(row.accountId, tally);
  }
  return tallies;
}

export function addTally(into: SlaTally, other: SlaTally): SlaTally {
  into.firstResponseMet += other.firstResponseMet;
  into.firstResponseStopped += other.firstResponseStopped;
  into.resolutionMet += other.resolutionMet;
  into.resolutionStopped += other.resolutionStopped;
  return into;
}

export const firstResponseAttainment = (t: SlaTally) => percentOf(t.firstResponseMet, t.firstResponseStopped);
export const resolutionAttainment = (t: SlaTally) => percentOf(t.resolutionMet, t.resolutionStopped);
