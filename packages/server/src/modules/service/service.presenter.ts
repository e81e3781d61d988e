import type { TCase, TCaseDetail, TCaseEvent, TCaseSla, TServiceCalendar, TServiceScope, TSlaClock, TSlaPolicy } from "@openkam/contracts";
import {
  STANDARD_WEEKLY_HOURS,
  WEEKDAYS,
  availableCaseActions,
  caseSlaState,
  type AccountTier,
  type CaseSla,
  type SlaClock,
  type SlaPriority,
  type SlaTarget,
} from "@openkam/domain";
import type { CalendarRow, CaseEventRow, CaseRow, ScopeRow, SlaPolicyRow } from "./service.repository";

export function presentPolicy(tier: AccountTier, priority: SlaPriority, target: SlaTarget, row: SlaPolicyRow | undefined): TSlaPolicy {
  return {
    tier,
    priority,
    firstResponseMinutes: target.firstResponseMinutes,
    resolutionMinutes: target.resolutionMinutes,
    businessHours: target.businessHours,
    isDefault: row === undefined,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

export function presentCalendar(row: CalendarRow | undefined, orgTimeZone: string): TServiceCalendar {
  const weekly = row?.weeklyHours ?? STANDARD_WEEKLY_HOURS;
  return {
    timeZone: row?.timeZone ?? orgTimeZone,
    timeZoneIsOrganization: (row?.timeZone ?? null) === null,
    weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, (weekly[day] ?? []).map(({ start, end }) => ({ start, end }))])) as TServiceCalendar["weeklyHours"],
    holidays: [...(row?.holidays ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

export function presentServiceScope(accountId: string, row: ScopeRow | undefined): TServiceScope {
  return {
    accountId,
    included: row?.included ?? [],
    excluded: row?.excluded ?? [],
    notes: row?.notes ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

function presentClock(clock: SlaClock): TSlaClock {
  return {
    state: clock.state,
    targetMinutes: clock.targetMinutes,
    businessHours: clock.businessHours,
    elapsedMinutes: Math.round(clock.elapsedMinutes * 100) / 100,
    remainingMinutes: Math.round(clock.remainingMinutes * 100) / 100,
    dueAt: clock.dueAt?.toISOString() ?? null,
    stoppedAt: clock.stoppedAt?.toISOString() ?? null,
  };
}

export function presentSla(sla: CaseSla, now: Date): TCaseSla {
  return { state: caseSlaState(sla), firstResponse: presentClock(sla.firstResponse), resolution: presentClock(sla.resolution), computedAt: now.toISOString() };
}

export function presentCase(row: CaseRow, sla: TCaseSla): TCase {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    tier: row.tier,
    title: row.title,
    description: row.description,
    priority: row.priority,
    status: row.status,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assigneeName,
    openedAt: row.openedAt.toISOString(),
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    actions: availableCaseActions(row.status),
    sla,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentCaseEvent(row: CaseEventRow): TCaseEvent {
  return {
    id: row.id,
    type: row.type,
    at: row.at.toISOString(),
    status: row.status,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    body: row.body,
    detail: row.detail ?? null,
  };
}

export function presentCaseDetail(row: CaseRow, sla: TCaseSla, events: readonly CaseEventRow[]): TCaseDetail {
  return { ...presentCase(row, sla), events: events.map(presentCaseEvent) };
}
