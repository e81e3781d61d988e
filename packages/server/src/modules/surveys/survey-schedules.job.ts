import type { Db } from "@openkam/db";
import { dueOccurrence, SURVEY_SEND_HOUR, zonedDateOf } from "@openkam/domain";
import type { ServerConfig } from "../../config";
import type { JobQueue } from "../../jobs/job-queue";
import type { PeriodicJob } from "../../jobs/schedules";
import { createMailer, type Mailer } from "../../mail/mailer";
import { systemScope } from "../../tenancy/scope";
import type { ModuleDeps } from "../module";
import { createSend, deliverInvitations, retryUndelivered } from "./survey-sends.service";
import * as sends from "./survey-sends.repository";
import { findSurveyForUpdate, organizationTimeZone } from "./surveys.repository";

export const SURVEY_SCHEDULES_JOB = "survey_schedules";

function hourIn(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now));
}

/** Once a day per organization, from the send hour in its zone. */
export const SURVEY_SCHEDULES_SCHEDULE: PeriodicJob = {
  name: SURVEY_SCHEDULES_JOB,
  kind: SURVEY_SCHEDULES_JOB,
  periodOf: (now, timeZone) => (hourIn(now, timeZone) >= SURVEY_SEND_HOUR ? zonedDateOf(now, timeZone) : null),
};

export interface ScheduleRunResult {
  sends: number;
  invited: number;
  emailed: number;
}

/**
 * Sends every schedule of one organization that is due: one sending per schedule and send date
 * (unique in the database, so a duplicated or retried job adds nothing), then the e-mails, then
 * a retry of recent e-mails that failed. A failed e-mail fails the job, so the queue retries it.
 */
export async function runDueSurveySchedules({ db, orgId, mailer, config, now = new Date() }: {
  db: Db; orgId: string; mailer: Mailer; config: Pick<ServerConfig, "publicUrl">; now?: Date;
}): Promise<ScheduleRunResult> {
  const scope = systemScope(orgId);
  const timeZone = await organizationTimeZone(db, scope);
  const result: ScheduleRunResult = { sends: 0, invited: 0, emailed: 0 };
  const failures: string[] = [];
  for (const schedule of await sends.activeSchedules(db, scope)) {
    const occurrence = dueOccurrence(schedule, now, timeZone);
    if (occurrence === null) continue;
    const created = await db.transaction(async (tx) => {
      const survey = await findSurveyForUpdate(tx, scope, schedule.surveyId);
      if (!survey || survey.archivedAt) return undefined;
      const target: sends.SendTarget = schedule.targetKind === "account" ? { kind: "account", accountId: schedule.accountId! }
        : schedule.targetKind === "tier" ? { kind: "tier", tier: schedule.tier! } : { kind: "cohort" };
      const send = await createSend(tx, scope, {
        surveyId: survey.id, surveyVersion: survey.version, defaultLanguage: survey.defaultLanguage, validDays: survey.validDays, target,
        schedule: { id: schedule.id, occurrence }, now,
      });
      await sends.markOccurrenceSent(tx, scope, schedule.id, occurrence);
      return send;
    });
    if (!created) continue;
    result.sends++;
    result.invited += created.invitationIds.length;
    const delivery = await deliverInvitations({ db, orgId, ids: created.invitationIds, mailer, config, now });
    result.emailed += delivery.emailed;
    failures.push(...delivery.failures);
  }
  const retried = await retryUndelivered({ db, orgId, mailer, config, now });
  result.emailed += retried.emailed;
  failures.push(...retried.failures);
  if (failures.length > 0) throw new Error(`survey invitation e-mails failed for ${failures.length} invitation(s): ${failures.join("; ").slice(0, 1000)}`);
  return result;
}

/** Registers the schedule job on a queue; several instances on one database share the work safely. */
export function registerSurveyScheduleJob(jobs: JobQueue, deps: ModuleDeps, options: { mailer?: Mailer } = {}): void {
  const mailer = options.mailer ?? createMailer(deps.config);
  jobs.register(SURVEY_SCHEDULES_JOB, async (_payload, ctx) => {
    await runDueSurveySchedules({ db: deps.db, orgId: ctx.orgId, mailer, config: deps.config });
  });
}
