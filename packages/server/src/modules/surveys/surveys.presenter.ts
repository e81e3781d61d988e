import type { TSurvey, TSurveySchedule } from "@openkam/contracts";
import { nextOccurrences, zonedDateOf } from "@openkam/domain";
import type { ScheduleWithAccount, SurveyWithStats } from "./surveys.repository";

export function presentSurvey(row: SurveyWithStats): TSurvey {
  return {
    id: row.id,
    title: row.title,
    defaultLanguage: row.defaultLanguage,
    validDays: row.validDays,
    archived: row.archivedAt !== null,
    definition: row.definition as TSurvey["definition"],
    invited: row.invited,
    responded: row.responded,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The survey as the audit trail keeps it: settings, not statistics. */
export function auditedSurvey(row: { id: string; title: unknown; defaultLanguage: string; validDays: number; archivedAt: Date | null; version: number }, definition?: unknown) {
  return { id: row.id, title: row.title, defaultLanguage: row.defaultLanguage, validDays: row.validDays, archived: row.archivedAt !== null, version: row.version, ...(definition ? { definition } : {}) };
}

export function presentSchedule(row: ScheduleWithAccount, now: Date, timeZone: string): TSurveySchedule {
  const target: TSurveySchedule["target"] = row.targetKind === "account" ? { kind: "account", accountId: row.accountId! }
    : row.targetKind === "tier" ? { kind: "tier", tier: row.tier! } : { kind: "cohort" };
  return {
    id: row.id,
    surveyId: row.surveyId,
    target,
    accountName: row.accountName,
    recurrence: row.recurrence,
    startsOn: row.startsOn,
    active: row.active,
    lastOccurrence: row.lastOccurrence,
    nextOccurrences: row.active ? nextOccurrences(row, row.lastOccurrence ?? shiftBack(zonedDateOf(now, timeZone)), 4) : [],
    version: row.version,
  };
}

/** The day before, so a send date of today that has not gone out yet is still listed. */
function shiftBack(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function auditedSchedule(row: Pick<ScheduleWithAccount, "id" | "surveyId" | "targetKind" | "accountId" | "tier" | "recurrence" | "startsOn" | "active" | "version">) {
  return { id: row.id, surveyId: row.surveyId, targetKind: row.targetKind, accountId: row.accountId, tier: row.tier, recurrence: row.recurrence, startsOn: row.startsOn, active: row.active, version: row.version };
}
