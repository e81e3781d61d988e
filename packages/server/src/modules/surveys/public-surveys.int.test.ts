import { surveyInvitations, surveyResponses } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertPublicRateLimit } from "../../public-links/public-rate-limit";
import { newPublicToken } from "../../public-links/public-token";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { QUARTERLY } from "./surveys.fixtures";

let t: TestApp;
let ipCounter = 0;
/** Each test answers from its own address, so the per-address limit of one does not leak into another. */
const nextIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (token: string, ip: string) => t.app.inject({ method: "GET", url: `/api/public/surveys/${token}`, remoteAddress: ip });
const post = (token: string, body: unknown, ip: string) => t.app.inject({ method: "POST", url: `/api/public/surveys/${token}/responses`, payload: body as object, remoteAddress: ip });

/** An organization with one invited contact; returns the link's token. */
async function invite(options: { admin?: Client; validDays?: number } = {}) {
  const admin = options.admin ?? await t.newOrgWithUser("admin");
  const account = await buildAccount(t.db, admin.orgId, { name: `Customer ${crypto.randomUUID().slice(0, 8)}`, country: "GB" });
  await buildContact(t.db, admin.orgId, account.id, { email: "buyer@customer.test" });
  const survey = (await admin.post("/api/surveys", { definition: QUARTERLY, defaultLanguage: "en", validDays: options.validDays ?? 30 })).json();
  await admin.post(`/api/surveys/${survey.id}/sends`, { target: { kind: "account", accountId: account.id } });
  const invitation = (await admin.get(`/api/surveys/${survey.id}/invitations`)).json().items[0];
  const url = (await admin.post(`/api/surveys/invitations/${invitation.id}/link`)).json().url as string;
  return { admin, account, survey, invitation, token: url.split("/s/")[1]! };
}

describe("public survey links", () => {
  it("answer unknown, guessed, malformed and other organizations' tokens with the same 404", async () => {
    const { admin, token } = await invite();
    const ip = nextIp();
    const [orgPart] = token.split(".");
    const guesses = [
      newPublicToken(admin.orgId).token, // right organization, random secret
      newPublicToken(crypto.randomUUID()).token, // an organization that does not exist
      `${orgPart}.${"A".repeat(43)}`, "not-a-token", `${token}x`, token.slice(0, -1), "%00", "..%2f..%2fapi%2fsurveys", `${token}.x`,
    ];
    const bodies = new Set<string>();
    for (const guess of guesses) {
      const res = await get(encodeURIComponent(guess), ip);
      expect(res.statusCode, guess).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      bodies.add(JSON.stringify({ ...res.json(), instance: undefined }));
    }
    // Another tenant's valid token does not open through a different organization's id.
    const other = await invite();
    const crossed = `${orgPart}.${other.token.split(".")[1]}`;
    const res = await get(crossed, ip);
    expect(res.statusCode).toBe(404);
    bodies.add(JSON.stringify({ ...res.json(), instance: undefined }));
    expect(bodies.size).toBe(1);
    // Longer than any token: refused before routing, as a problem that says nothing about links.
    const long = await get(`${token}.${token}`, ip);
    expect(long.statusCode).toBe(414);
    expect(long.body).not.toContain(admin.orgId);
    expect((await post(newPublicToken(admin.orgId).token, { submissionId: crypto.randomUUID(), answers: { nps: 9 } }, ip)).statusCode).toBe(404);
  });

  it("take one answer: the same submission again gets the same receipt, another one 409, and the page then says already answered", async () => {
    const { admin, token, invitation } = await invite();
    const ip = nextIp();
    expect((await get(token, ip)).statusCode).toBe(200);
    const submissionId = crypto.randomUUID();
    const body = { submissionId, answers: { nps: 9, csat: 5 }, comment: "Good" };
    const first = await post(token, body, ip);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ status: "received", submissionId, submittedAt: expect.any(String) });
    const retried = await post(token, body, ip);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    const replay = await post(token, { ...body, submissionId: crypto.randomUUID(), answers: { nps: 0 } }, ip);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe("ALREADY_ANSWERED");
    expect((await get(token, ip)).statusCode).toBe(409);
    const stored = await t.db.orm.select().from(surveyResponses).where(eq(surveyResponses.orgId, admin.orgId));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ npsScore: 9, csatScore: 5, comment: "Good", invitationId: invitation.id, language: "en" });
    expect((await admin.post(`/api/surveys/invitations/${invitation.id}/link`)).statusCode).toBe(409);
  });

  it("answer 410 once the link has expired, and never let an expired link answer", async () => {
    const { admin, token, invitation } = await invite();
    const ip = nextIp();
    await t.db.orm.update(surveyInvitations).set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(surveyInvitations.orgId, admin.orgId), eq(surveyInvitations.id, invitation.id)));
    expect((await get(token, ip)).statusCode).toBe(410);
    const res = await post(token, { submissionId: crypto.randomUUID(), answers: { nps: 5 } }, ip);
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe("LINK_EXPIRED");
  });

  it("refuse oversized and malformed answers with 400, and keep <script> verbatim as data, never as HTML", async () => {
    const { admin, token } = await invite();
    const ip = nextIp();
    const bad = [
      { submissionId: crypto.randomUUID(), answers: { nps: 9 }, comment: "x".repeat(4_001) },
      { submissionId: crypto.randomUUID(), answers: { nps: 9, else: "y".repeat(4_001) } },
      { submissionId: "not-a-uuid", answers: { nps: 9 } },
      { submissionId: crypto.randomUUID(), answers: { nps: 11 } },
      { submissionId: crypto.randomUUID(), answers: { nps: "9" } },
      { submissionId: crypto.randomUUID(), answers: {} },
      { submissionId: crypto.randomUUID(), answers: { nps: 9, hidden: "x" } },
      { submissionId: crypto.randomUUID(), answers: { nps: 9 }, comment: "\u0000" },
      { submissionId: crypto.randomUUID(), answers: { nps: 9 }, orgId: admin.orgId },
      { submissionId: crypto.randomUUID(), answers: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`q${i}`, 1])) },
    ];
    for (const body of bad) {
      const res = await post(token, body, ip);
      expect(res.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    const ok = await post(token, { submissionId: crypto.randomUUID(), answers: { nps: 2, else: script }, comment: script }, ip);
    expect(ok.statusCode, ok.body).toBe(200);
    const verbatims = await admin.get("/api/survey-results/verbatims");
    expect(verbatims.headers["content-type"]).toContain("application/json");
    expect(verbatims.json().items[0]).toMatchObject({ comment: script, texts: [{ questionId: "else", text: script }] });
    const [row] = await t.db.rows<{ comment: string }>(sql`select comment from survey_responses where org_id = ${admin.orgId}`);
    expect(row!.comment).toBe(script);
  });

  it("limit requests per link and per address with 429 and Retry-After", async () => {
    const { token } = await invite();
    const ip = nextIp();
    let status = 0;
    let n = 0;
    while (status !== 429 && n < 40) {
      status = (await get(token, ip)).statusCode;
      n++;
    }
    expect(n).toBe(31);
    const limited = await get(token, nextIp());
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);

    // Guessing from one address is cut off whatever the tokens.
    const now = new Date("2026-03-01T10:00:00Z");
    const key = `ip:test-${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await assertPublicRateLimit(t.db, key, now, { max: 3, windowSeconds: 60 });
    await expect(assertPublicRateLimit(t.db, key, now, { max: 3, windowSeconds: 60 })).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // The next window starts afresh.
    await expect(assertPublicRateLimit(t.db, key, new Date(now.getTime() + 60_000), { max: 3, windowSeconds: 60 })).resolves.toBeUndefined();
  });
});
