import { analysisRuns, feedbackItems, newId, surveyInvitations } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { and, eq, sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoSurveys } from "@openkam/db/seed/demo-surveys";
import { createMailer } from "../../mail/mailer";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { resultsFromRows, writeRunResults } from "../analytics/result-blocks";
import { runDueSurveySchedules } from "./survey-schedules.job";
import { sendSurvey } from "./survey-sends.service";
import { QUARTERLY, t2 } from "./surveys.fixtures";

interface Mail { to: string[]; raw: string }

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Mail[] = [];
const PUBLIC_URL = "https://kam.example.test";

beforeAll(async () => {
  t = await createTestApp();
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("latin1") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await t?.close();
});

/** The link in a message, whatever the transfer encoding did to long lines. */
const linkIn = (raw: string) => /https:\/\/kam\.example\.test\/s\/([A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})/.exec(raw.replace(/=\r?\n/g, ""))?.[1];

const publicGet = (token: string, ip = "10.0.0.1", query = "") => t.app.inject({ method: "GET", url: `/api/public/surveys/${token}${query}`, remoteAddress: ip });
const publicPost = (token: string, body: unknown, ip = "10.0.0.1") => t.app.inject({ method: "POST", url: `/api/public/surveys/${token}/responses`, payload: body as object, remoteAddress: ip });

async function newSurvey(client: Client, definition: unknown = QUARTERLY) {
  const res = await client.post("/api/surveys", { definition, defaultLanguage: "en" });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

describe("survey builder", () => {
  it("keeps every definition as a version, lets only directors and admins write, and audits each change", async () => {
    const admin = await t.newOrgWithUser("admin");
    const director = await t.newUser(admin.orgId, "director");
    const survey = await newSurvey(director);
    expect((await director.get(`/api/surveys/${survey.id}`)).json()).toMatchObject({ title: QUARTERLY.title, defaultLanguage: "en", validDays: 30, archived: false, invited: 0, version: 1 });

    const edited = { ...QUARTERLY, title: t2("Check-in", "回访") };
    const changed = await director.patch(`/api/surveys/${survey.id}`, { definition: edited, version: 1 });
    expect(changed.json()).toMatchObject({ title: edited.title, version: 2 });
    expect(changed.headers.etag).toBe('"2"');
    expect((await director.patch(`/api/surveys/${survey.id}`, { validDays: 10, version: 1 })).statusCode).toBe(409);
    expect((await director.patch(`/api/surveys/${survey.id}`, { validDays: 10 }, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await director.patch(`/api/surveys/${survey.id}`, { archived: true, version: 2 })).json()).toMatchObject({ archived: true, version: 3 });
    const versions = await t.db.rows<{ version: number }>(sql`select version from survey_versions where org_id = ${admin.orgId} and survey_id = ${survey.id} order by version`);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);

    for (const role of ["account_manager", "member", "viewer"] as const) {
      const user = await t.newUser(admin.orgId, role);
      expect((await user.get("/api/surveys")).statusCode).toBe(200);
      const attempts = [
        await user.post("/api/surveys", { definition: QUARTERLY }),
        await user.patch(`/api/surveys/${survey.id}`, { validDays: 5, version: 3 }),
        await user.delete(`/api/surveys/${survey.id}?version=3`),
        await user.post(`/api/surveys/${survey.id}/schedules`, { target: { kind: "cohort" }, recurrence: "quarterly", startsOn: "2026-01-01" }),
        await user.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "cohort" } }),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    }

    const bad = [
      { ...QUARTERLY, title: { en: "Only English" } },
      { ...QUARTERLY, questions: [] },
      { ...QUARTERLY, questions: [QUARTERLY.questions[0], QUARTERLY.questions[0]] },
      { ...QUARTERLY, questions: [{ id: "s", kind: "scale", required: false, prompt: t2("S", "S"), min: 5, max: 3 }] },
      { ...QUARTERLY, questions: [{ id: "c", kind: "single_choice", required: false, prompt: t2("C", "C"), options: [{ id: "a", label: t2("A", "A") }] }] },
      { ...QUARTERLY, questions: [{ id: "x", kind: "essay", prompt: t2("X", "X") }] },
      { ...QUARTERLY, title: t2("x".repeat(501), "y") },
      { ...QUARTERLY, title: t2("\u0000", "y") },
    ];
    for (const definition of bad) {
      const res = await director.post("/api/surveys", { definition });
      expect(res.statusCode, JSON.stringify(definition).slice(0, 100)).toBe(400);
      expect(res.json().errors.length).toBeGreaterThan(0);
    }

    const blank = await newSurvey(director);
    expect((await director.delete(`/api/surveys/${blank.id}?version=1`)).statusCode).toBe(204);
    const audit = await t.db.rows<{ action: string; n: number }>(sql`
      select action, count(*)::int as n from audit_log where org_id = ${admin.orgId} and entity_type = 'survey' group by action order by action`);
    expect(audit).toEqual([{ action: "create", n: 2 }, { action: "delete", n: 1 }, { action: "update", n: 2 }]);
  });
});

describe("sending", () => {
  it("e-mails each contact with an address their own link over SMTP, in the account's language, and the link opens the survey", async () => {
    const admin = await t.newOrgWithUser("admin");
    const account = await buildAccount(t.db, admin.orgId, { name: "Shanghai Steel", tier: "strategic", country: "CN" });
    const wang = await buildContact(t.db, admin.orgId, account.id, { name: "Wang Li", email: "wang@customer.test" });
    await buildContact(t.db, admin.orgId, account.id, { name: "No Mail", email: null });
    await buildContact(t.db, admin.orgId, account.id, { name: "Gone", email: "gone@customer.test", deletedAt: new Date() });
    const survey = await newSurvey(admin);
    const mailer = createMailer({ smtpUrl, mailFrom: "OpenKAM <kam@example.test>" });
    const scope = { orgId: admin.orgId, userId: admin.userId, role: "admin" as const };
    try {
      const result = await sendSurvey({ db: t.db, scope, surveyId: survey.id, input: { target: { kind: "account", accountId: account.id } }, mailer, config: { publicUrl: PUBLIC_URL } });
      expect(result).toMatchObject({ accounts: 1, invited: 1, withoutEmail: 1, emailed: 1, emailFailed: 0, emailNotConfigured: false });
    } finally {
      mailer.close();
    }
    const mail = inbox.find((m) => m.to.includes("wang@customer.test"))!;
    expect(mail).toBeDefined();
    const token = linkIn(mail.raw)!;
    expect(token).toBeDefined();

    const page = await publicGet(token);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toEqual({
      language: "zh-CN", invitationLanguage: "zh-CN", accountName: "Shanghai Steel", title: "季度回访", intro: "占用您两分钟。",
      questions: [
        { id: "nps", kind: "nps", required: true, prompt: "您向同事推荐我们的可能性有多大？", followUp: "为什么？" },
        { id: "csat", kind: "csat", required: false, prompt: "您的满意度如何？" },
        { id: "else", kind: "text", required: false, prompt: "还有其他意见吗？" },
      ],
      maxTextLength: 4000, expiresAt: expect.any(String),
    });
    expect((await publicGet(token, "10.0.0.1", "?lang=en")).json()).toMatchObject({ language: "en", invitationLanguage: "zh-CN", title: "Quarterly check-in" });
    expect(page.body).not.toContain(wang.id);
    expect(page.body).not.toContain(admin.orgId);

    const invitations = (await admin.get(`/api/surveys/${survey.id}/invitations`)).json();
    expect(invitations.items).toMatchObject([{ contactName: "Wang Li", email: "wang@customer.test", language: "zh-CN", status: "open", mailStatus: "sent" }]);
    // A copied link replaces the e-mailed one.
    const copied = await admin.post(`/api/surveys/invitations/${invitations.items[0].id}/link`);
    expect(copied.statusCode).toBe(201);
    expect(copied.json().url).toMatch(/\/s\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect((await publicGet(token)).statusCode).toBe(404);
    expect((await publicGet(copied.json().url.split("/s/")[1])).statusCode).toBe(200);
  });

  it("without SMTP invites anyway and lets directors copy the link; refuses archived surveys and empty targets", async () => {
    const admin = await t.newOrgWithUser("admin");
    const account = await buildAccount(t.db, admin.orgId, { name: "Berlin Tools", country: "DE" });
    await buildContact(t.db, admin.orgId, account.id, { email: "anna@tools.test" });
    const survey = await newSurvey(admin);
    const sent = await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: account.id } });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ invited: 1, emailed: 0, emailNotConfigured: true });
    expect((await admin.get(`/api/surveys/${survey.id}/invitations`)).json().items[0]).toMatchObject({ language: "en", mailStatus: "not_configured" });
    expect((await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "tier", tier: "strategic" } })).statusCode).toBe(400);
    expect((await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: newId() } })).statusCode).toBe(404);
    await admin.patch(`/api/surveys/${survey.id}`, { archived: true, version: 1 });
    expect((await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: account.id } })).statusCode).toBe(422);
  });

  it("sends a quarterly schedule once per send date, even when two instances run the job at once", async () => {
    const admin = await t.newOrgWithUser("admin");
    const strategic = [await buildAccount(t.db, admin.orgId, { tier: "strategic" }), await buildAccount(t.db, admin.orgId, { tier: "strategic" })];
    await buildAccount(t.db, admin.orgId, { tier: "standard" });
    for (const a of strategic) await buildContact(t.db, admin.orgId, a.id);
    const survey = await newSurvey(admin);
    const schedule = await admin.post(`/api/surveys/${survey.id}/schedules`, { target: { kind: "tier", tier: "strategic" }, recurrence: "quarterly", startsOn: "2026-01-01" });
    expect(schedule.statusCode, schedule.body).toBe(201);
    expect(schedule.json()).toMatchObject({ target: { kind: "tier", tier: "strategic" }, active: true, lastOccurrence: null });
    expect(schedule.json().nextOccurrences).toHaveLength(4);

    const mailer = createMailer({ smtpUrl, mailFrom: "OpenKAM <kam@example.test>" });
    const before = inbox.length;
    try {
      const at = new Date("2026-04-02T03:00:00Z");
      const runs = await Promise.all([1, 2].map(() => runDueSurveySchedules({ db: t.db, orgId: admin.orgId, mailer, config: { publicUrl: PUBLIC_URL }, now: at })));
      expect(runs.reduce((n, r) => n + r.sends, 0)).toBe(1);
      expect(runs.reduce((n, r) => n + r.emailed, 0)).toBe(2);
      expect((await runDueSurveySchedules({ db: t.db, orgId: admin.orgId, mailer, config: { publicUrl: PUBLIC_URL }, now: new Date("2026-05-01T03:00:00Z") })).sends).toBe(0);
      expect((await runDueSurveySchedules({ db: t.db, orgId: admin.orgId, mailer, config: { publicUrl: PUBLIC_URL }, now: new Date("2026-07-01T03:00:00Z") })).sends).toBe(1);
    } finally {
      mailer.close();
    }
    expect(inbox.length - before).toBe(4);
    const schedules = (await admin.get(`/api/surveys/${survey.id}/schedules`)).json().items;
    expect(schedules[0]).toMatchObject({ lastOccurrence: "2026-07-01", nextOccurrences: ["2026-10-01", "2027-01-01", "2027-04-01", "2027-07-01"] });
    const paused = await admin.patch(`/api/surveys/schedules/${schedules[0].id}`, { active: false, version: 1 });
    expect(paused.json()).toMatchObject({ active: false, nextOccurrences: [] });
    expect((await admin.delete(`/api/surveys/schedules/${schedules[0].id}?version=2`)).statusCode).toBe(204);
    expect((await admin.get(`/api/surveys/${survey.id}/invitations`)).json().items).toHaveLength(4);
  });
});

describe("results", () => {
  it("computes NPS, CSAT and response rates per account, tier, segment and quarter; verbatims page and filter; members see their accounts only", async () => {
    const admin = await t.newOrgWithUser("admin");
    const alpha = await buildAccount(t.db, admin.orgId, { name: "Alpha", tier: "strategic" });
    const beta = await buildAccount(t.db, admin.orgId, { name: "Beta", tier: "key" });
    const runId = newId();
    await t.db.orm.insert(analysisRuns).values({ orgId: admin.orgId, id: runId, kind: "matrix", status: "succeeded", asOf: "2026-01-01", parameters: {}, scope: "organization", currency: "CNY", createdBy: admin.userId });
    await writeRunResults(t.db, systemScope(admin.orgId), runId, resultsFromRows([{ accountId: alpha.id, grp: "stars", rank: 1, values: {} }]));
    const survey = await newSurvey(admin);
    const answers: Array<[string, number, number | null, string | null]> = [
      [alpha.id, 10, 5, "Great service"], [alpha.id, 9, 4, null], [alpha.id, 3, 2, "Deliveries were late"], [beta.id, 8, 3, "OK"],
    ];
    for (const a of [alpha, beta]) for (let i = 0; i < 3; i++) await buildContact(t.db, admin.orgId, a.id);
    await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: alpha.id } });
    await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: beta.id } });
    const invitations = (await admin.get(`/api/surveys/${survey.id}/invitations?limit=200`)).json().items as Array<{ id: string; accountId: string }>;
    expect(invitations).toHaveLength(6);
    for (const [accountId, nps, csat, comment] of answers) {
      const invitation = invitations.find((i) => i.accountId === accountId && !(i as { used?: boolean }).used)!;
      (invitation as { used?: boolean }).used = true;
      const link = (await admin.post(`/api/surveys/invitations/${invitation.id}/link`)).json().url as string;
      const res = await publicPost(link.split("/s/")[1]!, { submissionId: crypto.randomUUID(), answers: { nps, ...(csat ? { csat } : {}) }, comment }, `10.1.0.${nps}`);
      expect(res.statusCode, res.body).toBe(200);
    }

    const results = (await admin.get(`/api/survey-results?surveyId=${survey.id}`)).json();
    // Alpha: 10, 9, 3 → 2 promoters, 1 detractor of 3 → 33.3; overall with Beta's 8: (2 − 1) / 4 → 25.
    expect(results.overall).toMatchObject({ responses: 4, nps: 25, promoters: 2, passives: 1, detractors: 1, csat: 3.5, csatSatisfiedPct: 50, invited: 6, responseRate: 66.7 });
    expect(results.byAccount.map((a: { accountName: string; nps: number; segment: string | null; responseRate: number }) => [a.accountName, a.nps, a.segment, a.responseRate]))
      .toEqual([["Beta", 0, null, 33.3], ["Alpha", 33.3, "stars", 100]]);
    expect(results.byTier).toEqual(expect.arrayContaining([expect.objectContaining({ tier: "strategic", nps: 33.3 }), expect.objectContaining({ tier: "key", nps: 0 })]));
    expect(results.bySegment).toEqual(expect.arrayContaining([expect.objectContaining({ segment: "stars", responses: 3 }), expect.objectContaining({ segment: null, responses: 1 })]));
    expect(results.overTime).toHaveLength(1);
    expect(results.overTime[0].period).toMatch(/^\d{4}-Q[1-4]$/);
    expect((await admin.get(`/api/survey-results?granularity=month&tier=key`)).json().overTime[0]).toMatchObject({ responses: 1, nps: 0 });
    expect((await admin.get("/api/survey-results?from=2001-01-01&to=2001-12-31")).json().overall).toMatchObject({ responses: 0, nps: null, csat: null, responseRate: null });
    expect((await admin.get("/api/survey-results?from=2026-02-01&to=2026-01-01")).statusCode).toBe(400);

    const first = (await admin.get("/api/survey-results/verbatims?limit=2")).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/api/survey-results/verbatims?limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((v: { comment: string }) => v.comment).sort()).toEqual(["Deliveries were late", "Great service", "OK"]);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get("/api/survey-results/verbatims?category=detractor")).json().items).toMatchObject([{ comment: "Deliveries were late", npsScore: 3, accountName: "Alpha", feedbackItemId: expect.any(String) }]);
    expect((await admin.get("/api/survey-results/verbatims?q=great")).json().items).toHaveLength(1);

    // The detractor opened a feedback item on Alpha, in the same transaction as the response.
    const feedback = await t.db.orm.select().from(feedbackItems).where(and(eq(feedbackItems.orgId, admin.orgId), eq(feedbackItems.source, "survey")));
    expect(feedback.map((f) => [f.accountId, f.severity, f.title, f.description])).toEqual([[alpha.id, "high", expect.stringMatching(/^NPS 3 · CSAT 2 · /), "Deliveries were late"]]);

    const member = await t.newUser(admin.orgId, "member");
    await buildTeamMember(t.db, admin.orgId, beta.id, member.userId);
    const mine = (await member.get("/api/survey-results")).json();
    expect(mine.byAccount.map((a: { accountName: string }) => a.accountName)).toEqual(["Beta"]);
    expect((await member.get("/api/survey-results/verbatims")).json().items.map((v: { accountName: string }) => v.accountName)).toEqual(["Beta"]);
    expect((await member.get(`/api/surveys/${survey.id}/invitations`)).json().items.every((i: { accountId: string }) => i.accountId === beta.id)).toBe(true);
    const rows = await t.db.orm.select({ n: sql<number>`count(*)::int` }).from(surveyInvitations).where(eq(surveyInvitations.orgId, admin.orgId));
    expect(rows[0]!.n).toBe(6);
    expect(systemScope(admin.orgId).role).toBe("admin");
  });
});

describe("demo survey seed", () => {
  it("adds a quarterly survey of the strategic accounts with four quarters of answers, once", async () => {
    const admin = await t.newOrgWithUser("admin");
    for (let i = 0; i < 4; i++) {
      const account = await buildAccount(t.db, admin.orgId, { name: `Strategic ${i}`, tier: "strategic", country: i % 2 ? "CN" : "DE" });
      for (let j = 0; j < 4; j++) await buildContact(t.db, admin.orgId, account.id);
    }
    const asOf = new Date("2026-11-20T12:00:00Z");
    await t.db.transaction((tx) => seedDemoSurveys(tx, admin.orgId, asOf));
    await t.db.transaction((tx) => seedDemoSurveys(tx, admin.orgId, asOf));
    const surveys = (await admin.get("/api/surveys")).json().items;
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ title: { en: "Quarterly customer check-in" }, invited: 48 });
    const results = (await admin.get(`/api/survey-results?surveyId=${surveys[0].id}`)).json();
    expect(results.overTime.map((p: { period: string }) => p.period)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(results.overall.responses).toBeGreaterThan(15);
    expect(results.overall.nps).toBeGreaterThanOrEqual(-100);
    const schedule = (await admin.get(`/api/surveys/${surveys[0].id}/schedules`)).json().items[0];
    expect(schedule).toMatchObject({ recurrence: "quarterly", lastOccurrence: "2026-10-01", target: { kind: "tier", tier: "strategic" } });
    expect((await runDueSurveySchedules({ db: t.db, orgId: admin.orgId, mailer: createMailer({ smtpUrl: null, mailFrom: "x" }), config: { publicUrl: PUBLIC_URL }, now: asOf })).sends).toBe(0);
  });
});
