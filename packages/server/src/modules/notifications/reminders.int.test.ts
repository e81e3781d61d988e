import { jobs as jobsTable, mailDeliveries, organizations, scheduledRuns, users } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { and, eq } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultConfig } from "../../config";
import { createJobQueue, type JobQueue } from "../../jobs/job-queue";
import { enqueueDuePeriodicJob } from "../../jobs/schedules";
import { createMailer } from "../../mail/mailer";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { CADENCE_REMINDERS_JOB, CADENCE_REMINDERS_SCHEDULE, registerReminderJob } from "./reminders";

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
/** Ten in the morning UTC today: past the reminder hour in a UTC organization. */
const morning = () => new Date(`${today()}T10:00:00Z`);

interface Received {
  rcptTo: string[];
  subject: string;
  text: string;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"));
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Just enough of a MIME parser for nodemailer's single-part text messages. */
function parseMessage(raw: string, rcptTo: string[]): Received {
  const split = raw.indexOf("\r\n\r\n");
  const headerText = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map(headerText.split("\r\n").map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
  }));
  return {
    rcptTo,
    subject: decodeWords(headers.get("subject") ?? ""),
    text: decodeBody(raw.slice(split + 4), (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase()),
  };
}

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Received[] = [];
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push(parseMessage(Buffer.concat(chunks).toString("latin1"), session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
});

/** A queue as one server instance has it, with e-mail through the test's SMTP server (or none). */
function instance(options: { smtp?: boolean } = {}): JobQueue {
  const queue = createJobQueue(t.db);
  const config = defaultConfig({ smtpUrl: options.smtp === false ? null : smtpUrl, mailFrom: "OpenKAM <kam@example.test>", publicUrl: "https://kam.example.test" });
  registerReminderJob(queue, { db: t.db, config, jobs: queue }, { mailer: createMailer(config), log: (message) => logged.push(message) });
  return queue;
}

const mailTo = (email: string) => inbox.filter((m) => m.rcptTo.includes(email.toLowerCase()));

/**
 * An organization in UTC with: a Chinese-speaking account manager and an English-speaking one,
 * each owning an account whose cadences were never kept (overdue), one more who opted out of
 * e-mails, and a viewer.
 */
async function organizationWithOverdueAccounts() {
  const admin = await t.newOrgWithUser("admin");
  await t.db.orm.update(organizations).set({ timezone: "UTC" }).where(eq(organizations.id, admin.orgId));
  const zh = await t.newUser(admin.orgId, "account_manager");
  const en = await t.newUser(admin.orgId, "account_manager");
  const optedOut = await t.newUser(admin.orgId, "account_manager");
  const viewer = await t.newUser(admin.orgId, "viewer");
  await t.db.orm.update(users).set({ locale: "zh-CN", name: "王小明" }).where(eq(users.id, zh.userId));
  await t.db.orm.update(users).set({ locale: "en", name: "Emma Stone" }).where(eq(users.id, en.userId));
  const createdAt = new Date(Date.now() - 400 * DAY);
  const zhAccount = await buildAccount(t.db, admin.orgId, { name: "华东精密制造", tier: "strategic", ownerUserId: zh.userId, createdAt });
  const enAccount = await buildAccount(t.db, admin.orgId, { name: "Northwind <Traders>", tier: "key", ownerUserId: en.userId, createdAt });
  await buildAccount(t.db, admin.orgId, { name: "Opted Out Co", tier: "key", ownerUserId: optedOut.userId, createdAt });
  const res = await optedOut.put("/api/notifications/preferences", { cadenceReminderEmail: false });
  expect(res.statusCode, res.body).toBe(200);
  return { admin, zh, en, optedOut, viewer, zhAccount, enAccount };
}

const notificationsOf = async (c: Client) => {
  const res = await c.get("/api/notifications");
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Array<{ kind: string; link: string; data: Record<string, unknown> }>; unreadCount: number }>();
};

describe("scheduling the daily reminders", () => {
  it("enqueues one job per organization and day however many instances tick at once, and none before the reminder hour", async () => {
    const { admin } = await organizationWithOverdueAccounts();
    const queue = instance();
    const early = new Date(`${today()}T05:00:00Z`);
    await enqueueDuePeriodicJob(t.db, queue, CADENCE_REMINDERS_SCHEDULE, early);
    const jobsOf = () => t.db.orm.select().from(jobsTable).where(and(eq(jobsTable.orgId, admin.orgId), eq(jobsTable.kind, CADENCE_REMINDERS_JOB)));
    expect(await jobsOf()).toHaveLength(0);

    await Promise.all([1, 2, 3, 4].map(() => enqueueDuePeriodicJob(t.db, createJobQueue(t.db), CADENCE_REMINDERS_SCHEDULE, morning())));
    const scheduled = await jobsOf();
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.payload).toEqual({ period: today() });
    const runs = await t.db.orm.select().from(scheduledRuns).where(eq(scheduledRuns.orgId, admin.orgId));
    expect(runs).toEqual([expect.objectContaining({ name: CADENCE_REMINDERS_JOB, period: today(), jobId: scheduled[0]!.id })]);
    // The same day again (a later tick) schedules nothing more.
    await enqueueDuePeriodicJob(t.db, queue, CADENCE_REMINDERS_SCHEDULE, new Date(morning().getTime() + 3_600_000));
    expect(await jobsOf()).toHaveLength(1);
  });
});

describe("the cadence reminder job", () => {
  it("sends each account manager one digest in their language and one in-app notification, and a second run sends nothing", async () => {
    const org = await organizationWithOverdueAccounts();
    const queue = instance();
    await queue.enqueue(t.db, org.admin.orgId, CADENCE_REMINDERS_JOB, { period: today() });
    await queue.drain();

    const [zhMail, ...moreZh] = mailTo(org.zh.email);
    expect(moreZh).toHaveLength(0);
    expect(zhMail!.subject).toMatch(/^OpenKAM：\d+ 项联系已逾期，本周还有 \d+ 项到期$/);
    expect(zhMail!.text).toContain("王小明，您好");
    expect(zhMail!.text).toMatch(/- 华东精密制造: 拜访, 已逾期 \d+ 天/);
    expect(zhMail!.text).toContain("https://kam.example.test/cadence");
    expect(zhMail!.text).toContain("https://kam.example.test/notifications");

    const [enMail, ...moreEn] = mailTo(org.en.email);
    expect(moreEn).toHaveLength(0);
    expect(enMail!.subject).toMatch(/^OpenKAM: \d+ overdue and \d+ due this week$/);
    expect(enMail!.text).toContain("Hello Emma Stone,");
    expect(enMail!.text).toMatch(/- Northwind <Traders>: Visit, overdue by \d+ days/);
    expect(enMail!.text).not.toContain("华东");

    // Opted out: the in-app notification only. The viewer and the admin own nothing.
    expect(mailTo(org.optedOut.email)).toHaveLength(0);
    expect(mailTo(org.viewer.email)).toHaveLength(0);
    expect(mailTo(org.admin.email)).toHaveLength(0);

    for (const c of [org.zh, org.en, org.optedOut]) {
      const mine = await notificationsOf(c);
      expect(mine.unreadCount).toBe(1);
      expect(mine.items).toEqual([expect.objectContaining({ kind: "cadence_reminder", link: "/cadence" })]);
      expect(Number(mine.items[0]!.data.overdue)).toBeGreaterThan(0);
    }
    expect((await notificationsOf(org.viewer)).items).toHaveLength(0);

    // A retried or duplicated job for the same day: no second e-mail, no second notification.
    await queue.enqueue(t.db, org.admin.orgId, CADENCE_REMINDERS_JOB, { period: today() });
    await queue.drain();
    expect(mailTo(org.zh.email)).toHaveLength(1);
    expect(mailTo(org.en.email)).toHaveLength(1);
    expect((await notificationsOf(org.zh)).unreadCount).toBe(1);
  });

  it("sends once when two instances run duplicated jobs for the same day at the same time", async () => {
    const org = await organizationWithOverdueAccounts();
    const [a, b] = [instance(), instance()];
    for (let i = 0; i < 3; i++) await a.enqueue(t.db, org.admin.orgId, CADENCE_REMINDERS_JOB, { period: today() });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    expect(ranA + ranB).toBe(3);
    expect(mailTo(org.zh.email)).toHaveLength(1);
    expect(mailTo(org.en.email)).toHaveLength(1);
    expect((await notificationsOf(org.en)).items).toHaveLength(1);
    const deliveries = await t.db.orm.select().from(mailDeliveries).where(eq(mailDeliveries.orgId, org.admin.orgId));
    expect(deliveries.map((d) => d.status).sort()).toEqual(["sent", "sent"]);
  });

  it("without SMTP configured, notifies in the app, skips e-mail and logs it", async () => {
    const org = await organizationWithOverdueAccounts();
    const queue = instance({ smtp: false });
    await queue.enqueue(t.db, org.admin.orgId, CADENCE_REMINDERS_JOB, { period: today() });
    await queue.drain();
    expect(mailTo(org.zh.email)).toHaveLength(0);
    expect((await notificationsOf(org.zh)).unreadCount).toBe(1);
    expect(logged.some((line) => line.includes(org.admin.orgId) && line.includes("OPENKAM_SMTP_URL"))).toBe(true);
    const [job] = await t.db.orm.select().from(jobsTable).where(and(eq(jobsTable.orgId, org.admin.orgId), eq(jobsTable.kind, CADENCE_REMINDERS_JOB)));
    expect(job!.status).toBe("succeeded");
  });

  it("records a failed send, lets the job fail for a retry, and the retry sends exactly once", async () => {
    const org = await organizationWithOverdueAccounts();
    const broken = createJobQueue(t.db);
    const config = defaultConfig({ smtpUrl: "smtp://127.0.0.1:1", publicUrl: "https://kam.example.test" });
    registerReminderJob(broken, { db: t.db, config, jobs: broken }, { mailer: createMailer(config), log: () => {} });
    await broken.enqueue(t.db, org.admin.orgId, CADENCE_REMINDERS_JOB, { period: today() });
    await broken.drain();
    const [job] = await t.db.orm.select().from(jobsTable).where(and(eq(jobsTable.orgId, org.admin.orgId), eq(jobsTable.kind, CADENCE_REMINDERS_JOB)));
    expect(job).toMatchObject({ status: "queued", attempts: 1 });
    expect(job!.lastError).toContain("e-mails failed");
    const failed = await t.db.orm.select().from(mailDeliveries).where(eq(mailDeliveries.orgId, org.admin.orgId));
    expect(failed.map((d) => d.status)).toEqual(["failed", "failed"]);

    await t.db.orm.update(jobsTable).set({ runAfter: new Date() }).where(eq(jobsTable.id, job!.id));
    await instance().drain();
    expect(mailTo(org.zh.email)).toHaveLength(1);
    expect(mailTo(org.en.email)).toHaveLength(1);
    expect((await notificationsOf(org.zh)).items).toHaveLength(1);
  });
});
