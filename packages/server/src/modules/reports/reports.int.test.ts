import { accountPlans, feedbackItems, growthInitiatives, newId } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildInteraction, buildOrder, buildTask } from "@openkam/db/testing/builders-activity";
import { buildContact } from "@openkam/db/testing/builders-people";
import { DEFAULT_SCORECARD_CONFIG } from "@openkam/domain";
import { quarterOfDate, shiftQuarter } from "@openkam/domain/reports/index";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let manager: Client;

// The quarter reviewed is the last complete one, so every date below is in the past whatever today is.
const Q = shiftQuarter(quarterOfDate(new Date().toISOString().slice(0, 10)), -1);
const NEXT = shiftQuarter(Q, 1);
const PREVIOUS = shiftQuarter(Q, -1);
const YEAR_BEFORE = shiftQuarter(Q, -4);
/** A day of a quarter (0 = its first), as YYYY-MM-DD. */
const dayOf = (q: { from: string }, n: number) => new Date(Date.parse(`${q.from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** An instant on a day of the reviewed quarter, at an hour UTC. */
const at = (n: number, hour = 2) => new Date(Date.parse(`${dayOf(Q, n)}T00:00:00Z`) + hour * 3_600_000);

/** The text of a PDF's streams, inflated where compressed: enough to find fonts without a parser. */
function pdfStreams(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      out.push(pdf.subarray(start, end).toString("latin1"));
    }
    re.lastIndex = end;
  }
  return out.join("\n");
}

/** A survey answered by a contact of the account: the chain of rows the surveys module keeps. */
async function buildSurveyResponse(orgId: string, accountId: string, contactId: string, values: { submittedAt: Date; nps: number | null; csat: number | null; comment?: string }) {
  const surveyId = newId();
  const sendId = newId();
  const invitationId = newId();
  await t.db.rows(sql`insert into surveys (org_id, id, title, default_language) values (${orgId}, ${surveyId}, ${JSON.stringify({ en: "Quarterly pulse" })}::jsonb, 'en')`);
  await t.db.rows(sql`insert into survey_versions (org_id, survey_id, version, definition) values (${orgId}, ${surveyId}, 1, '{"questions":[]}'::jsonb)`);
  await t.db.rows(sql`insert into survey_sends (org_id, id, survey_id, survey_version, target_kind, account_id) values (${orgId}, ${sendId}, ${surveyId}, 1, 'account', ${accountId})`);
  await t.db.rows(sql`insert into survey_invitations (org_id, id, survey_id, survey_version, send_id, account_id, contact_id, email, language, token_hash, expires_at)
    values (${orgId}, ${invitationId}, ${surveyId}, 1, ${sendId}, ${accountId}, ${contactId}, 'buyer@example.com', 'en', ${newId()}, now() + interval '30 days')`);
  await t.db.rows(sql`insert into survey_responses (org_id, id, survey_id, survey_version, invitation_id, account_id, contact_id, submission_id, submitted_at, nps_score, csat_score, comment, answers, language)
    values (${orgId}, ${newId()}, ${surveyId}, 1, ${invitationId}, ${accountId}, ${contactId}, ${newId()}, ${values.submittedAt.toISOString()}, ${values.nps}, ${values.csat}, ${values.comment ?? null}, '{}'::jsonb, 'en')`);
}

const CONTENT = {
  situation: "", swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] }, customerGoals: [], risks: [],
  objectives: [{ id: newId(), title: "Grow share of wallet", kpiKind: "share_of_wallet", unit: "%", baseline: 20, target: 40, current: 30, weight: 1 }],
};

let strategic: { id: string };
let hidden: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  manager = await t.newUser(admin.orgId, "account_manager");
  const org = admin.orgId;
  strategic = await buildAccount(t.db, org, { name: "华东制造 East China Manufacturing", tier: "strategic", ownerUserId: manager.userId, industry: "Manufacturing" });
  hidden = await buildAccount(t.db, org, { name: "Hidden Logistics", tier: "key", industry: "Logistics" });
  await buildTeamMember(t.db, org, strategic.id, manager.userId, { teamRole: "kam_lead" });
  const contact = await buildContact(t.db, org, strategic.id, { name: "Li Wei" });

  for (const [date, amount, status] of [[dayOf(Q, 10), "1000.00", "confirmed"], [dayOf(Q, 60), "500.00", "confirmed"], [dayOf(Q, 20), "9000.00", "cancelled"], [dayOf(YEAR_BEFORE, 15), "1000.00", "confirmed"]] as const) {
    await buildOrder(t.db, org, strategic.id, { orderDate: date, amount, currency: "CNY", status });
  }
  await buildOrder(t.db, org, hidden.id, { orderDate: dayOf(Q, 5), amount: "700.00", currency: "CNY" });

  await t.db.orm.insert(accountPlans).values({
    orgId: org, id: newId(), accountId: strategic.id, title: "Joint plan", templateKey: "strategic", periodStart: Q.from, periodEnd: NEXT.to, status: "approved", progress: 50,
    content: {
      ...CONTENT,
      actions: [
        { id: newId(), title: "Kick-off workshop", ownerUserId: manager.userId, dueDate: dayOf(Q, 20), status: "done", progress: 100, objectiveId: null, taskId: null },
        { id: newId(), title: "Pilot the new line", ownerUserId: manager.userId, dueDate: dayOf(Q, 40), status: "in_progress", progress: 50, objectiveId: null, taskId: null },
        { id: newId(), title: "Executive sponsor visit", ownerUserId: null, dueDate: dayOf(NEXT, 14), status: "todo", progress: 0, objectiveId: null, taskId: null },
        { id: newId(), title: "Dropped idea", ownerUserId: null, dueDate: dayOf(Q, 30), status: "cancelled", progress: 0, objectiveId: null, taskId: null },
      ],
    },
  });
  await t.db.orm.insert(growthInitiatives).values([
    { orgId: org, id: newId(), accountId: strategic.id, title: "Lean packaging", status: "delivered", valueKind: "cost_saved", currency: "CNY", valuePromised: "120000", valueDelivered: "150000", investment: "50000", startDate: dayOf(PREVIOUS, 10), targetDate: dayOf(Q, 50) },
    { orgId: org, id: newId(), accountId: strategic.id, title: "Someday maybe", status: "proposed", currency: "CNY", valuePromised: "10", valueDelivered: "0", investment: "0" },
  ]);

  const task = await buildTask(t.db, org, { title: "Approve invoices within 3 days", accountId: strategic.id, status: "done" });
  await t.db.orm.insert(feedbackItems).values([
    { orgId: org, id: newId(), accountId: strategic.id, source: "manual", title: "发票审批太慢 Invoices approved too slowly", severity: "high", status: "closed", taskId: task.id, createdAt: at(2), statusChangedAt: at(50), closedAt: at(50) },
    { orgId: org, id: newId(), accountId: strategic.id, source: "manual", title: "Portal is slow", severity: "critical", status: "new", createdAt: at(5), statusChangedAt: at(5) },
    { orgId: org, id: newId(), accountId: strategic.id, source: "manual", title: "Old complaint", severity: "low", status: "closed", taskId: task.id, createdAt: new Date(`${PREVIOUS.from}T03:00:00Z`), statusChangedAt: new Date(`${PREVIOUS.from}T04:00:00Z`), closedAt: new Date(`${PREVIOUS.from}T04:00:00Z`) },
  ]);

  for (const [nps, csat, comment] of [[10, 5, "交付很及时 Deliveries on time"], [9, 4, undefined], [6, null, "Invoices are slow"], [8, null, undefined]] as const) {
    await buildSurveyResponse(org, strategic.id, contact.id, { submittedAt: at(30), nps, csat, comment });
  }
  await buildSurveyResponse(org, strategic.id, contact.id, { submittedAt: new Date(`${PREVIOUS.from}T03:00:00Z`), nps: 0, csat: 1 });

  await buildInteraction(t.db, org, strategic.id, { type: "meeting", occurredAt: at(3), subject: "Review" });
  await buildInteraction(t.db, org, strategic.id, { type: "meeting", occurredAt: at(33), subject: "Steering" });
  await buildInteraction(t.db, org, strategic.id, { type: "visit", occurredAt: at(44), subject: "Plant visit" });
  // 23:30 UTC on the day before the quarter is 07:30 on its first day in Shanghai, the organization's zone.
  await buildInteraction(t.db, org, strategic.id, { type: "call", occurredAt: new Date(Date.parse(`${Q.from}T00:00:00Z`) - 30 * 60_000), subject: "First day in Shanghai" });
  await buildInteraction(t.db, org, strategic.id, { type: "call", occurredAt: new Date(`${PREVIOUS.from}T03:00:00Z`), subject: "Earlier" });

  // Strategic P1 runs around the clock: first response within 2 h, resolution within 24 h.
  const met = (await admin.post("/api/cases", { accountId: strategic.id, title: "Line stopped", priority: "P1", openedAt: at(30).toISOString() })).json();
  await admin.post(`/api/cases/${met.id}/events`, { action: "respond", at: at(30, 3).toISOString() });
  await admin.post(`/api/cases/${met.id}/events`, { action: "resolve", at: at(30, 10).toISOString() });
  const late = (await admin.post("/api/cases", { accountId: strategic.id, title: "Label printer", priority: "P1", openedAt: at(40).toISOString() })).json();
  await admin.post(`/api/cases/${late.id}/events`, { action: "respond", at: at(40, 6).toISOString() });
  await admin.post(`/api/cases/${late.id}/events`, { action: "resolve", at: at(42).toISOString() });

  await buildTask(t.db, org, { title: "Send the QBR deck", accountId: strategic.id, dueDate: dayOf(NEXT, 3), status: "todo", assigneeUserId: manager.userId });
  await buildTask(t.db, org, { title: "Far future", accountId: strategic.id, dueDate: dayOf(shiftQuarter(Q, 3), 3), status: "todo" });
});
afterAll(async () => t?.close());

describe("quarterly business review", () => {
  it("assembles every section of the pack from the modules' data for the quarter", async () => {
    const res = await manager.get(`/api/accounts/${strategic.id}/qbr?quarter=${Q.key}`);
    expect(res.statusCode, res.body).toBe(200);
    const qbr = res.json();
    expect(qbr.quarter).toEqual({ key: Q.key, from: Q.from, to: Q.to });
    expect(qbr.account).toMatchObject({ name: "华东制造 East China Manufacturing", tier: "strategic", owner: { userId: manager.userId }, team: [{ userId: manager.userId, teamRole: "kam_lead" }] });
    expect(qbr.plans).toEqual([expect.objectContaining({ title: "Joint plan", progress: 50, actionCompletion: 33, actions: { total: 3, done: 1, open: 2, overdue: 1 } })]);
    expect(qbr.plans[0].objectives).toEqual([{ title: "Grow share of wallet", baseline: 20, target: 40, current: 30, unit: "%" }]);
    expect(qbr.value.initiatives).toEqual([expect.objectContaining({ title: "Lean packaging", valueDelivered: "150000.00", roiPct: 200 })]);
    expect(qbr.value.totals).toEqual([{ currency: "CNY", valuePromised: "120000.00", valueDelivered: "150000.00", investment: "50000.00", roiPct: 200 }]);
    expect(qbr.feedback).toMatchObject({ received: 2, closed: 1, open: 1 });
    expect(qbr.feedback.items).toEqual([expect.objectContaining({ title: "发票审批太慢 Invoices approved too slowly", action: "Approve invoices within 3 days", closedAt: at(50).toISOString() })]);
    expect(qbr.surveys).toMatchObject({ responses: 4, promoters: 2, passives: 1, detractors: 1, nps: 25, csat: 4.5 });
    expect(qbr.surveys.comments.map((c: { comment: string }) => c.comment).sort()).toEqual(["Invoices are slow", "交付很及时 Deliveries on time"]);
    expect(qbr.service.interactions).toEqual({ total: 4, byType: [{ type: "meeting", count: 2 }, { type: "call", count: 1 }, { type: "visit", count: 1 }] });
    expect(qbr.service.cases).toMatchObject({ opened: 2, resolved: 2, firstResponseAttainment: 50, resolutionAttainment: 50 });
    expect(qbr.nextQuarter.quarter.key).toBe(NEXT.key);
    expect(qbr.nextQuarter.planActions.map((a: { title: string }) => a.title)).toEqual(["Pilot the new line", "Executive sponsor visit"]);
    expect(qbr.nextQuarter.tasks.map((x: { title: string; assigneeName: string | null }) => x.title)).toEqual(["Send the QBR deck"]);
    const kpi = (key: string) => qbr.kpis.find((k: { key: string }) => k.key === key)?.value;
    expect([kpi("revenue"), kpi("revenue_growth_yoy"), kpi("nps")]).toEqual([1500, 50, 25]);
    expect(qbr.kpiCurrency).toBe("CNY");
    expect(qbr.scorecard).toMatchObject({ quarter: Q.key, subject: { kind: "account", accountId: strategic.id } });

    const empty = (await manager.get(`/api/accounts/${strategic.id}/qbr?quarter=2019-Q1`)).json();
    expect(empty).toMatchObject({ plans: [], value: { initiatives: [], totals: [] }, feedback: { received: 0, closed: 0, items: [] }, surveys: { responses: 0, nps: null, csat: null } });
    expect(empty.service.cases).toMatchObject({ opened: 0, firstResponseAttainment: null, resolutionAttainment: null });
  });

  it("renders the pack as a PDF with the Chinese font embedded, and as a workbook with a sheet per section", async () => {
    const pdf = await manager.get(`/api/accounts/${strategic.id}/qbr.pdf?quarter=${Q.key}&lang=zh-CN`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="qbr-${Q.key}-${strategic.id}.pdf"`);
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(bytes.toString("latin1")).toContain("/FontFile2");
    // The Chinese labels and names map back to Unicode, so the text can be searched and copied.
    const cmaps = pdfStreams(bytes).toLowerCase();
    for (const char of "季度业务回顾华东制造发票") expect(cmaps).toContain(`<${char.codePointAt(0)!.toString(16).padStart(4, "0")}>`);
    const english = await manager.get(`/api/accounts/${strategic.id}/qbr.pdf?quarter=${Q.key}`);
    expect(english.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const xlsx = await manager.get(`/api/accounts/${strategic.id}/qbr.xlsx?quarter=${Q.key}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Account", "KPIs", "Scorecard", "Plans", "Value", "Feedback", "Surveys", "Service", "Next quarter"]);
    expect(book.getWorksheet("Value")!.getRow(2).values).toEqual([undefined, "Lean packaging", "delivered", "CNY", 120000, 150000, 50000, 200]);
    expect(book.getWorksheet("Feedback")!.getCell("A2").value).toBe("发票审批太慢 Invoices approved too slowly");
  });

  it("keeps formulas out of the workbook", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "=HYPERLINK(\"http://evil\")", tier: "key" });
    const xlsx = await admin.get(`/api/accounts/${account.id}/qbr.xlsx?quarter=${Q.key}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet("Account")!.getCell("B2").value).toBe("'=HYPERLINK(\"http://evil\")");
  });

  it("shows an account's review only to those who see the account, and refuses bad quarters with 400", async () => {
    expect((await manager.get(`/api/accounts/${hidden.id}/qbr?quarter=${Q.key}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/accounts/${hidden.id}/qbr.pdf?quarter=${Q.key}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/accounts/${hidden.id}/qbr?quarter=${Q.key}`)).statusCode).toBe(200);
    const viewer = await t.newUser(admin.orgId, "viewer");
    expect((await viewer.get(`/api/accounts/${strategic.id}/qbr`)).statusCode).toBe(404);
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/accounts/${strategic.id}/qbr?quarter=${Q.key}`)).statusCode).toBe(404);
    expect((await intruder.get(`/api/accounts/${strategic.id}/qbr.xlsx?quarter=${Q.key}`)).statusCode).toBe(404);

    for (const url of [
      `/api/accounts/${strategic.id}/qbr?quarter=2026-Q5`, `/api/accounts/${strategic.id}/qbr?quarter=2026Q1`, `/api/accounts/${strategic.id}/qbr?quarter=1900-Q1`,
      `/api/accounts/${strategic.id}/qbr.pdf?lang=fr`, `/api/accounts/${strategic.id}/qbr?quarter=${Q.key}&extra=1`, "/api/accounts/not-a-uuid/qbr",
      "/api/programme/dashboard?quarter=Q3-2026", "/api/programme/dashboard?tier=gold",
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("programme dashboard", () => {
  it("aggregates the quarter over the accounts the caller sees, by tier and industry, with a row per account", async () => {
    const res = await admin.get(`/api/programme/dashboard?quarter=${Q.key}`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json();
    const row = board.accounts.find((a: { id: string }) => a.id === strategic.id);
    // CSAT is the share of 4-5 answers (2 of 2); SLA counts both clocks of both cases (2 of 4 met); plan
    // completion the actions due in the quarter, the cancelled one left out (1 of 2). Lights against the
    // default scorecard: growth ≥ 10, NPS ≥ 30 (amber within 10), SLA ≥ 95 (5), plan actions ≥ 80 (10).
    expect(row).toMatchObject({
      revenue: "1500.00", revenueGrowthPct: 50, nps: 25, csat: 100, slaAttainment: 50, planCompletion: 50, openFeedback: 1, overdueFeedback: 1,
      lights: { growth: "green", nps: "amber", csat: "green", sla: "red", plan: "red", feedback: "red" },
    });
    expect(board.targets).toEqual({
      revenueGrowthPct: { kpi: "revenue_growth_yoy", target: 10, tolerance: 5, direction: "higher_is_better" },
      nps: { kpi: "nps", target: 30, tolerance: 10, direction: "higher_is_better" },
      csat: { kpi: "csat", target: 80, tolerance: 5, direction: "higher_is_better" },
      slaAttainment: { kpi: "sla_attainment", target: 95, tolerance: 5, direction: "higher_is_better" },
      cadenceCompliance: { kpi: "cadence_compliance", target: 90, tolerance: 10, direction: "higher_is_better" },
      planCompletion: { kpi: "plan_action_completion", target: 80, tolerance: 10, direction: "higher_is_better" },
    });
    // The figures mean what the KPIs of the same account and quarter mean.
    const kpis = (await admin.get(`/api/kpis/values?subject=account&accountId=${strategic.id}&from=${Q.from}&to=${Q.to}`)).json();
    const kpi = (key: string) => kpis.values.find((k: { key: string }) => k.key === key)?.value;
    expect([row.revenueGrowthPct, row.nps, row.csat, row.slaAttainment, row.planCompletion])
      .toEqual([kpi("revenue_growth_yoy"), kpi("nps"), kpi("csat"), kpi("sla_attainment"), kpi("plan_action_completion")]);
    expect(board.accounts.find((a: { id: string }) => a.id === hidden.id)).toMatchObject({ revenue: "700.00", revenueGrowthPct: null, nps: null });
    expect(board.totals).toMatchObject({ revenue: "2200.00", nps: 25, responses: 4, slaAttainment: 50, openFeedback: 1, overdueFeedback: 1 });
    expect(board.feedbackByStatus).toEqual(expect.arrayContaining([{ status: "closed", count: 2 }, { status: "new", count: 1 }]));
    expect(board.segments).toEqual(expect.arrayContaining([
      expect.objectContaining({ dimension: "tier", key: "strategic", revenue: "1500.00" }),
      expect.objectContaining({ dimension: "industry", key: "Logistics", revenue: "700.00" }),
    ]));
    expect(board.trend).toHaveLength(8);
    expect(board.trend.at(-1)).toEqual({ quarter: Q.key, nps: 25, csat: 100, responses: 4 });
    expect(board.trend.find((p: { quarter: string }) => p.quarter === PREVIOUS.key)).toMatchObject({ nps: -100, csat: 0, responses: 1 });

    const keyOnly = (await admin.get(`/api/programme/dashboard?quarter=${Q.key}&tier=key`)).json();
    expect(keyOnly.accounts.map((a: { id: string }) => a.id)).not.toContain(strategic.id);

    const mine = (await manager.get(`/api/programme/dashboard?quarter=${Q.key}`)).json();
    expect(mine.accounts.map((a: { id: string }) => a.id)).toEqual([strategic.id]);
    expect(mine.totals).toMatchObject({ accounts: 1, revenue: "1500.00" });

    const intruder = await t.newOrgWithUser("director");
    const theirs = (await intruder.get(`/api/programme/dashboard?quarter=${Q.key}`)).json();
    expect(theirs).toMatchObject({ accounts: [], totals: { accounts: 0, revenue: "0.00", nps: null, slaAttainment: null } });
  });

  it("colours the accounts against the organization's saved scorecard, and gives no light for a KPI taken off the card", async () => {
    const before = (await admin.get(`/api/programme/dashboard?quarter=${Q.key}`)).json();
    expect(before.accounts.find((a: { id: string }) => a.id === strategic.id).lights).toMatchObject({ nps: "amber", csat: "green", sla: "red" });

    // NPS 25 meets a target of 20; SLA 50 is within a tolerance of 50 of 95; CSAT leaves the card.
    const { config, version } = (await admin.get("/api/scorecards/config")).json();
    expect(config).toEqual(DEFAULT_SCORECARD_CONFIG);
    const changed = {
      ...config,
      perspectives: config.perspectives.map((p: { kpis: Array<{ key: string }> }) => ({
        ...p,
        kpis: p.kpis.filter((k) => k.key !== "csat").map((k) => (k.key === "nps" ? { ...k, target: 20 } : k.key === "sla_attainment" ? { ...k, tolerance: 50 } : k)),
      })),
    };
    const saved = await admin.put("/api/scorecards/config", { ...changed, version });
    expect(saved.statusCode, saved.body).toBe(200);

    const after = (await admin.get(`/api/programme/dashboard?quarter=${Q.key}`)).json();
    expect(after.accounts.find((a: { id: string }) => a.id === strategic.id)).toMatchObject({ nps: 25, csat: 100, lights: { nps: "green", csat: null, sla: "amber" } });
    expect(after.targets).toMatchObject({ nps: { kpi: "nps", target: 20 }, csat: null, slaAttainment: { target: 95, tolerance: 50 } });
  });
});
