import { newId, type Db } from "@openkam/db";
import { zonedDateOf } from "@openkam/domain";
import type { ServerConfig } from "../../config";
import type { JobQueue } from "../../jobs/job-queue";
import type { PeriodicJob } from "../../jobs/schedules";
import { createMailer, type Mailer } from "../../mail/mailer";
import { systemScope, type Scope } from "../../tenancy/scope";
import { myWeek } from "../cadence/cadence.service";
import type { ModuleDeps } from "../module";
import { insertNotifications } from "./notifications.repository";
import { mailLanguageOf, renderReminderMail } from "./reminder-mail";
import { claimDelivery, finishDelivery, listReminderRecipients } from "./reminders.repository";

export const CADENCE_REMINDERS_JOB = "cadence_reminders";
const MAIL_KIND = "cadence_digest";

/** Reminders go out once a day, from this hour in the organization's zone on. */
const REMINDER_HOUR = 8;

function hourIn(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now);
  return Number(hour);
}

/** The daily schedule: one job per organization and local date, from 08:00 in its zone. */
export const CADENCE_REMINDERS_SCHEDULE: PeriodicJob = {
  name: CADENCE_REMINDERS_JOB,
  kind: CADENCE_REMINDERS_JOB,
  periodOf: (now, timeZone) => (hourIn(now, timeZone) >= REMINDER_HOUR ? zonedDateOf(now, timeZone) : null),
};

export interface ReminderRunResult {
  notified: number;
  emailed: number;
  emailSkipped: number;
}

/**
 * One organization's reminders for one day: each person who works accounts and has cadences
 * overdue or due this week gets one in-app notification and (unless they opted out) one digest
 * e-mail. Both are keyed by the day, so a retried or duplicated job neither notifies nor mails
 * twice: notifications by their unique dedupe key, e-mails by claiming a `mail_deliveries` row
 * before sending. A failed send is recorded, the others still go out, and the job then fails so
 * the queue retries the failed ones.
 */
export async function runCadenceReminders(options: {
  db: Db;
  orgId: string;
  period: string;
  mailer: Mailer;
  config: Pick<ServerConfig, "publicUrl">;
  log: (message: string) => void;
  now?: Date;
}): Promise<ReminderRunResult> {
  const { db, orgId, period, mailer, config, log, now = new Date() } = options;
  const system = systemScope(orgId);
  const result: ReminderRunResult = { notified: 0, emailed: 0, emailSkipped: 0 };
  const failures: string[] = [];
  for (const recipient of await listReminderRecipients(db, system)) {
    const scope: Scope = { orgId, userId: recipient.userId, role: recipient.role, tokenId: null };
    const week = await myWeek({ db, scope, query: {}, now });
    if (week.items.length === 0) continue;
    const overdue = week.items.filter((item) => item.daysOverdue > 0).length;
    const inserted = await insertNotifications(db, system, [{
      id: newId(),
      userId: recipient.userId,
      kind: "cadence_reminder",
      data: { overdue, dueThisWeek: week.items.length - overdue, week: week.week, period },
      dedupeKey: `cadence:${period}`,
    }]);
    result.notified += inserted.length;

    if (!recipient.wantsEmail) continue;
    if (!mailer.enabled) {
      result.emailSkipped++;
      continue;
    }
    const key = { userId: recipient.userId, kind: MAIL_KIND, dedupeKey: period };
    if (!(await claimDelivery(db, system, { ...key, recipient: recipient.email }))) continue;
    const message = renderReminderMail({ to: recipient.email, name: recipient.name, language: mailLanguageOf(recipient.locale), items: week.items, publicUrl: config.publicUrl });
    try {
      const messageId = await mailer.send(message);
      await finishDelivery(db, system, key, { messageId });
      result.emailed++;
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      await finishDelivery(db, system, key, { error: reason });
      failures.push(`${recipient.userId}: ${reason}`);
    }
  }
  if (result.emailSkipped > 0) log(`cadence reminders for ${orgId} on ${period}: e-mail is not configured (OPENKAM_SMTP_URL), ${result.emailSkipped} digest(s) not sent`);
  if (failures.length > 0) throw new Error(`cadence reminder e-mails failed for ${failures.length} user(s): ${failures.join("; ").slice(0, 1000)}`);
  return result;
}

const stderrLog = (message: string) => process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg: message })}\n`);

/** Registers the reminder job on a queue; several queues (instances) on one database share the work safely. */
export function registerReminderJob(jobs: JobQueue, deps: ModuleDeps, options: { mailer?: Mailer; log?: (message: string) => void } = {}): void {
  const mailer = options.mailer ?? createMailer(deps.config);
  const log = options.log ?? stderrLog;
  jobs.register(CADENCE_REMINDERS_JOB, async (payload, ctx) => {
    const period = typeof payload.period === "string" && /^\d{4}-\d{2}-\d{2}$/.test(payload.period) ? payload.period : null;
    if (period === null) throw new Error("a cadence reminder job needs its period (YYYY-MM-DD)");
    await runCadenceReminders({ db: deps.db, orgId: ctx.orgId, period, mailer, config: deps.config, log });
  });
}
