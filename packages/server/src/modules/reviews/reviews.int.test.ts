import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { seedDemoReviews } from "@openkam/db/seed/demo-reviews";
import { sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../mail/mailer";
import { newPublicToken } from "../../public-links/public-token";
import { scopeOf } from "../../tenancy/scope";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { issueCustomerLink } from "./reviews.service";

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const inbox: Array<{ to: string[]; raw: string }> = [];

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

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/r/") + 3);
const publicGet = (token: string, ip = "10.1.0.1") => t.app.inject({ method: "GET", url: `/api/public/reviews/${token}`, remoteAddress: ip });
const publicPost = (token: string, body: unknown, ip = "10.1.0.1") => t.app.inject({ method: "POST", url: `/api/public/reviews/${token}/ratings`, payload: body as object, remoteAddress: ip });
const all = (score: number, keys = ["business_understanding", "responsiveness", "value_delivered", "strategic_alignment", "relationship_breadth"]) => Object.fromEntries(keys.map((k) => [k, score]));
const SUBMISSION = "0190a0a0-0000-7000-8000-0000000000a1";

async function startReview(director: Client, accountId: string, extra: object = {}) {
  const res = await director.post(`/api/accounts/${accountId}/reviews`, { title: "H1 review", periodStart: "2026-01-01", periodEnd: "2026-06-30", sendEmail: false, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ cycle: { id: string; version: number }; customerLink: { url: string; expiresAt: string; emailed: boolean } }>();
}

describe("360° reviews", () => {
  it("invites the KAM lead, the team, the directors and the customer, collects each view and highlights the gaps", async () => {
    const admin = await t.newOrgWithUser("admin");
    const director = await t.newUser(admin.orgId, "director");
    const kam = await t.newUser(admin.orgId, "account_manager");
    const sales = await t.newUser(admin.orgId, "member");
    const viewer = await t.newUser(admin.orgId, "viewer");
    const account = await buildAccount(t.db, admin.orgId, { name: "Reviewed", tier: "strategic" });
    await buildTeamMember(t.db, admin.orgId, account.id, kam.userId, { teamRole: "kam_lead" });
    await buildTeamMember(t.db, admin.orgId, account.id, sales.userId, { teamRole: "sales" });
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId, { teamRole: "support" });
    const buyer = await buildContact(t.db, admin.orgId, account.id, { name: "Buyer", email: "buyer@customer.test" });

    expect((await sales.post(`/api/accounts/${account.id}/reviews`, { title: "X", periodStart: "2026-01-01", periodEnd: "2026-06-30" })).statusCode).toBe(403);
    const { cycle, customerLink } = await startReview(director, account.id, { customerContactId: buyer.id, customerLanguage: "en" });
    expect(customerLink).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:3000\/r\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/), emailed: false });
    const detail = (await director.get(`/api/reviews/${cycle.id}`)).json();
    expect(detail.invitations.map((i: { view: string; userId: string | null; email: string | null }) => [i.view, i.userId, i.email]).sort()).toEqual([
      ["customer", null, "buyer@customer.test"], ["director", director.userId, null], ["self", kam.userId, null], ["team", sales.userId, null],
    ].sort());
    expect(detail).toMatchObject({ status: "open", gapThreshold: 1, overall: null, canManage: true, progress: { team: { invited: 1, answered: 0 }, customer: { invited: 1, answered: 0 } } });
    expect(detail.criteria).toHaveLength(5);

    const pending = (await kam.get("/api/reviews/pending")).json();
    expect(pending.items).toMatchObject([{ cycleId: cycle.id, accountName: "Reviewed", view: "self" }]);
    expect((await kam.post(`/api/reviews/${cycle.id}/ratings`, { ratings: all(5), comment: "We are on it" })).statusCode).toBe(200);
    expect((await sales.post(`/api/reviews/${cycle.id}/ratings`, { ratings: { ...all(4), responsiveness: null } })).statusCode).toBe(200);
    expect((await director.post(`/api/reviews/${cycle.id}/ratings`, { ratings: all(4) })).statusCode).toBe(200);
    const refused = [
      await kam.post(`/api/reviews/${cycle.id}/ratings`, { ratings: all(3) }),
      await viewer.post(`/api/reviews/${cycle.id}/ratings`, { ratings: all(3) }),
      await admin.post(`/api/reviews/${cycle.id}/ratings`, { ratings: all(3) }),
      await sales.post(`/api/reviews/${cycle.id}/close`, { version: 1 }),
      await sales.post(`/api/reviews/${cycle.id}/customer-link`, {}),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([409, 404, 404, 403, 403]);
    expect((await kam.get("/api/reviews/pending")).json().items).toEqual([]);

    const script = "<script>alert('x')</script> & \"quotes\"";
    const token = tokenOf(customerLink.url);
    expect((await publicGet(token)).json()).toEqual({ organizationName: expect.any(String), title: "H1 review", language: "en", criteria: detail.criteria, expiresAt: customerLink.expiresAt });
    const answered = await publicPost(token, { submissionId: SUBMISSION, ratings: { ...all(3), responsiveness: 2 }, comment: script, language: "zh-CN" });
    expect(answered.statusCode, answered.body).toBe(200);

    const results = (await kam.get(`/api/reviews/${cycle.id}`)).json();
    expect(results.progress).toEqual({ team: { invited: 1, answered: 1 }, director: { invited: 1, answered: 1 }, self: { invited: 1, answered: 1 }, customer: { invited: 1, answered: 1 } });
    const responsiveness = results.results.criteria.find((c: { key: string }) => c.key === "responsiveness");
    expect(responsiveness).toMatchObject({ averages: { team: null, director: 4, self: 5, customer: 2 }, overall: 3.67, spread: 3 });
    expect(responsiveness.gaps.map((g: { higher: string; lower: string; difference: number }) => [g.higher, g.lower, g.difference])).toEqual([
      ["self", "director", 1], ["director", "customer", 2], ["self", "customer", 3],
    ]);
    expect(results.results.gaps[0]).toEqual({ criterionKey: "responsiveness", higher: "self", lower: "customer", difference: 3 });
    expect(results).toMatchObject({ canManage: false, gapCount: results.results.gaps.length });
    expect(results.invitations.every((i: { email: string | null }) => i.email === null)).toBe(true);
    expect(results.comments).toEqual([{ view: "self", comment: "We are on it" }, { view: "customer", comment: script }]);
    const [stored] = await t.db.rows<{ comment: string; language: string }>(sql`select comment, language from review_invitations where org_id = ${admin.orgId} and view = 'customer'`);
    expect(stored).toEqual({ comment: script, language: "zh-CN" });

    const list = (await sales.get(`/api/accounts/${account.id}/reviews`)).json();
    expect(list.items).toMatchObject([{ id: cycle.id, overall: results.overall, status: "open" }]);

    // New settings apply to new reviews; the running one keeps what it asked.
    expect((await sales.put("/api/reviews/settings", { criteria: [{ key: "trust", labels: { en: "Trust", "zh-CN": "信任" } }], gapThreshold: 1.5 })).statusCode).toBe(403);
    const criteria = [{ key: "trust", labels: { en: "Trust", "zh-CN": "信任" } }, { key: "speed", labels: { en: "Speed", "zh-CN": "速度" } }];
    expect((await director.put("/api/reviews/settings", { criteria, gapThreshold: 1.5, version: 0 })).json()).toEqual({ criteria, gapThreshold: 1.5, version: 1 });
    expect((await director.put("/api/reviews/settings", { criteria: [...criteria, criteria[0]], gapThreshold: 1.5, version: 1 })).json().errors[0].field).toBe("criteria.2.key");
    const second = await startReview(director, account.id, { title: "H2 review", periodStart: "2026-07-01", periodEnd: "2026-12-31" });
    expect((await director.get(`/api/reviews/${second.cycle.id}`)).json()).toMatchObject({ gapThreshold: 1.5, criteria });
    expect((await director.get(`/api/reviews/${cycle.id}`)).json().criteria).toHaveLength(5);

    expect((await director.post(`/api/reviews/${second.cycle.id}/close`, { version: 2 })).statusCode).toBe(409);
    expect((await director.post(`/api/reviews/${second.cycle.id}/close`, {}, { "if-match": '"1"' })).json()).toMatchObject({ status: "closed", version: 2 });
    expect((await publicGet(tokenOf(second.customerLink.url))).statusCode).toBe(410);
    expect((await director.post(`/api/reviews/${second.cycle.id}/customer-link`, {})).statusCode).toBe(409);

    const audit = await t.db.rows<{ entity_type: string; n: number }>(sql`
      select entity_type, count(*)::int as n from audit_log where org_id = ${admin.orgId} and entity_type like 'review%' group by entity_type order by entity_type`);
    expect(audit).toEqual([{ entity_type: "review_cycle", n: 3 }, { entity_type: "review_invitation", n: 4 }, { entity_type: "review_settings", n: 1 }]);
  });

  it("guards the customer's link: guessing, replay, expiry, replaced links, other tenants, hostile text and floods", async () => {
    const admin = await t.newOrgWithUser("admin");
    const account = await buildAccount(t.db, admin.orgId, { name: "Guarded" });
    const { cycle, customerLink } = await startReview(admin, account.id, { customerEmail: "someone@customer.test" });
    const token = tokenOf(customerLink.url);
    const [orgPart, secret] = token.split(".") as [string, string];

    const other = await t.newOrgWithUser("admin");
    const theirs = tokenOf((await startReview(other, (await buildAccount(t.db, other.orgId)).id)).customerLink.url);
    const guesses = [
      newPublicToken(admin.orgId).token, // well-formed, never issued
      `${theirs.split(".")[0]}.${secret}`, // this link's secret under another organization
      `${orgPart}.${theirs.split(".")[1]}`, // another organization's secret under this one
      `${orgPart}.${secret.slice(0, -1)}${secret.at(-1) === "A" ? "B" : "A"}`,
      "not-a-token", "<script>alert(1)</script>", "%00", "a".repeat(90),
    ];
    for (const guess of guesses) {
      const res = await publicGet(encodeURIComponent(guess), "10.2.0.1");
      expect(res.statusCode, guess).toBe(404);
      expect(res.json().detail ?? res.json().title).not.toContain("Guarded");
      expect((await publicPost(encodeURIComponent(guess), { submissionId: SUBMISSION, ratings: all(1) }, "10.2.0.2")).statusCode).toBe(404);
    }

    // Past the router's 100-character limit on a path segment the URL itself is refused, before any lookup.
    expect((await publicGet("a".repeat(120), "10.2.0.1")).statusCode).toBe(414);

    const hostile = [
      { submissionId: SUBMISSION, ratings: all(1), comment: "x".repeat(5_001) },
      { submissionId: SUBMISSION, ratings: { responsiveness: 6 } },
      { submissionId: SUBMISSION, ratings: { unknown_key: 3 } },
      { submissionId: SUBMISSION, ratings: { responsiveness: null } },
      { submissionId: "not-a-uuid", ratings: all(3) },
      { submissionId: SUBMISSION, ratings: all(3), orgId: other.orgId },
      { submissionId: SUBMISSION, ratings: all(3), comment: "\u0000" },
    ];
    for (const body of hostile) {
      const res = await publicPost(token, body, "10.2.0.3");
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }

    // A replaced link stops working at once.
    const reissued = await t.app.inject({ method: "POST", url: `/api/reviews/${cycle.id}/customer-link`, payload: { linkValidDays: 7 }, headers: { cookie: "" } });
    expect(reissued.statusCode).toBe(401);
    const fresh = (await admin.post(`/api/reviews/${cycle.id}/customer-link`, { linkValidDays: 7 })).json();
    expect((await publicGet(token, "10.2.0.4")).statusCode).toBe(404);
    const live = tokenOf(fresh.url);
    expect((await publicGet(live, "10.2.0.4")).headers["cache-control"]).toBe("no-store");

    // Replay: the same submission gets the same answer; another one is refused; the page then says "answered".
    const first = await publicPost(live, { submissionId: SUBMISSION, ratings: all(4) }, "10.2.0.5");
    expect(first.statusCode).toBe(200);
    const retry = await publicPost(live, { submissionId: SUBMISSION, ratings: all(1) }, "10.2.0.5");
    expect(retry.json()).toEqual(first.json());
    const again = await publicPost(live, { submissionId: "0190a0a0-0000-7000-8000-0000000000b2", ratings: all(1) }, "10.2.0.5");
    expect([again.statusCode, again.json().code]).toEqual([409, "ALREADY_ANSWERED"]);
    expect((await publicGet(live, "10.2.0.5")).statusCode).toBe(409);
    expect((await admin.post(`/api/reviews/${cycle.id}/customer-link`, {})).statusCode).toBe(409);
    const stored = (await admin.get(`/api/reviews/${cycle.id}`)).json();
    expect(stored.results.criteria[0].averages.customer).toBe(4);

    // Expiry: the link answers 410 for reading and for answering.
    const expiring = await startReview(admin, account.id, { title: "Expiring" });
    await t.db.rows(sql`update review_invitations set expires_at = now() - interval '1 minute' where org_id = ${admin.orgId} and cycle_id = ${expiring.cycle.id}`);
    expect((await publicGet(tokenOf(expiring.customerLink.url), "10.2.0.6")).statusCode).toBe(410);
    expect((await publicPost(tokenOf(expiring.customerLink.url), { submissionId: SUBMISSION, ratings: all(3) }, "10.2.0.6")).statusCode).toBe(410);

    // Floods: 30 reads of one link per ten minutes, then 429 with Retry-After.
    const flooded = tokenOf((await startReview(admin, account.id, { title: "Flooded" })).customerLink.url);
    for (let i = 0; i < 30; i++) expect((await publicGet(flooded, `10.3.0.${i}`)).statusCode).toBe(200);
    const limited = await publicGet(flooded, "10.3.1.1");
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("e-mails the customer's link over SMTP in their language and records when it was sent", async () => {
    const admin = await t.newOrgWithUser("admin");
    const account = await buildAccount(t.db, admin.orgId, { name: "Mailed" });
    const contact = await buildContact(t.db, admin.orgId, account.id, { name: "王经理", email: "wang@customer.test" });
    const { cycle } = await startReview(admin, account.id, { customerContactId: contact.id, customerLanguage: "zh-CN" });
    const mailer = createMailer({ smtpUrl, mailFrom: "OpenKAM <kam@example.test>" });
    try {
      const scope = scopeOf({ orgId: admin.orgId, userId: admin.userId, role: "admin", tokenId: null } as Parameters<typeof scopeOf>[0]);
      const link = await issueCustomerLink({ db: t.db, scope, cycleId: cycle.id, input: { linkValidDays: 14, sendEmail: true }, delivery: { mailer, publicUrl: "https://kam.example.test" } });
      expect(link).toMatchObject({ url: expect.stringMatching(/^https:\/\/kam\.example\.test\/r\//), emailed: true });
      const mail = inbox.find((m) => m.to.includes("wang@customer.test"));
      expect(mail).toBeDefined();
      expect(mail!.raw.replace(/=\r?\n/g, "")).toContain(tokenOf(link.url));
      const customer = (await admin.get(`/api/reviews/${cycle.id}`)).json().invitations.find((i: { view: string }) => i.view === "customer");
      expect(customer).toMatchObject({ name: "王经理", email: "wang@customer.test", language: "zh-CN", sentAt: expect.any(String) });
    } finally {
      mailer.close();
    }
  });

  it("seeds demo reviews deterministically, once", async () => {
    const admin = await t.newOrgWithUser("admin");
    const kam = await t.newUser(admin.orgId, "account_manager");
    for (const name of ["Alpha", "Beta", "Gamma"]) {
      const account = await buildAccount(t.db, admin.orgId, { name, tier: "strategic" });
      await buildTeamMember(t.db, admin.orgId, account.id, kam.userId, { teamRole: "kam_lead" });
      await buildContact(t.db, admin.orgId, account.id, { name: `${name} buyer`, email: `${name.toLowerCase()}@customer.test` });
    }
    await t.db.transaction((tx) => seedDemoReviews(tx, admin.orgId, new Date("2026-06-30T12:00:00Z")));
    await t.db.transaction((tx) => seedDemoReviews(tx, admin.orgId, new Date("2026-06-30T12:00:00Z")));
    const [{ n }] = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from review_cycles where org_id = ${admin.orgId}`) as [{ n: number }];
    expect(n).toBe(2);
    const pending = (await kam.get("/api/reviews/pending")).json().items;
    expect(pending).toHaveLength(1);
    const answered = (await admin.get(`/api/accounts/${pending[0].accountId}/reviews`)).json().items;
    expect(answered.length).toBe(1);
  });
});
