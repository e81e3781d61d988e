import { accounts, newId } from "@openkam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULES } from "../modules/index";
import { createTestApp, type TestApp } from "../testing/test-app";
import { bearerFor, seedTenant, snapshotOrg, type Tenant } from "./security.fixtures";
import { RESOURCES, x, type B } from "./cross-tenant.resources";

/**
 * Cross-tenant attacks: an admin of organization B (by session, and by API
 * token) tries to read, list, change and delete organization A's records by
 * id. Every attempt must answer 404 (never 403, which would confirm the id
 * exists), no list or export may contain any of A's values, and A's data must
 * be byte-for-byte unchanged afterwards.
 */

const registered = new Set(MODULES.map((m) => m.prefix));
const active = RESOURCES.filter((r) => registered.has(r.prefix));

let t: TestApp;
let a: Tenant;
let before: Record<string, string>;
const attackers: Record<string, B> = {};

/** Every string of A's that must never reach B: ids, names, the token. */
const secretsOf = (tenant: Tenant) => [...Object.values(tenant), ...Object.values(x)].filter((v) => v.length >= 8);

/** What the attacker sent (an id in the URL, echoed in a problem's `instance`) is not a leak; anything else of A's is. */
function expectNoSecrets(body: string, where: string, sent: unknown = "") {
  const known = `${where} ${JSON.stringify(sent)}`;
  for (const secret of secretsOf(a)) {
    if (!known.includes(secret)) expect(body.includes(secret), `${where} leaks ${secret}`).toBe(false);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const orgA = await t.newOrgWithUser("admin");
  a = await seedTenant(t.db, orgA.orgId, orgA.userId, "A");
  const created = async (res: Promise<{ statusCode: number; json(): unknown; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`seeding A: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return (r.json() as { id: string }).id;
  };
  x.caseId = await created(orgA.post("/api/cases", { accountId: a.accountId, title: `Secret case ${a.accountId}`, priority: "P1" }));
  x.planId = await created(orgA.post(`/api/accounts/${a.accountId}/plans`, { templateKey: "strategic", title: `Secret plan ${a.accountId}`, periodStart: "2026-01-01", periodEnd: "2026-12-31" }));
  x.opportunityId = await created(orgA.post(`/api/accounts/${a.accountId}/opportunities`, { name: `Secret deal ${a.accountId}`, value: "1000.00", currency: "CNY", probability: 50 }));
  x.unitId = await created(orgA.post(`/api/accounts/${a.accountId}/business-units`, { name: `Secret plant ${a.accountId}` }));
  x.initiativeId = await created(orgA.post(`/api/accounts/${a.accountId}/initiatives`, { title: `Secret initiative ${a.accountId}`, currency: "CNY", valuePromised: "10.00", investment: "5.00" }));
  const colleague = await t.newUser(orgA.orgId, "admin");
  x.commentId = await created(orgA.post(`/api/accounts/${a.accountId}/comments`, { body: `Secret note ${a.accountId}`, mentionedUserIds: [colleague.userId] }));
  x.notificationId = ((await colleague.get("/api/notifications")).json() as { items: Array<{ id: string }> }).items[0]!.id;
  await created(orgA.put("/api/programme", { name: `Secret programme ${a.accountId}`, version: 0 }));
  await orgA.put(`/api/programme/accounts/${a.accountId}`);
  x.goalId = await created(orgA.post("/api/programme/goals", { title: `Secret goal ${a.accountId}`, kind: "manual", target: 10 }));
  x.feedbackId = await created(orgA.post("/api/feedback", { accountId: a.accountId, source: "manual", title: `Secret feedback ${a.accountId}`, severity: "high" }));
  x.effortEntryId = await created(orgA.post("/api/effort/entries", { accountId: a.accountId, workedOn: "2026-01-02", minutes: 30, note: `Secret effort ${a.accountId}` }));
  const secretText = { en: `Secret survey ${a.accountId}`, "zh-CN": `Secret survey ${a.accountId}` };
  x.surveyId = await created(orgA.post("/api/surveys", { definition: { title: secretText, questions: [{ id: "nps", kind: "nps", required: true, prompt: secretText, followUp: secretText }] } }));
  x.surveyScheduleId = await created(orgA.post(`/api/surveys/${x.surveyId}/schedules`, { target: { kind: "account", accountId: a.accountId }, recurrence: "quarterly", startsOn: "2026-01-01" }));
  await orgA.post(`/api/surveys/${x.surveyId}/sends`, { target: { kind: "account", accountId: a.accountId } });
  x.surveyInvitationId = ((await orgA.get(`/api/surveys/${x.surveyId}/invitations`)).json() as { items: Array<{ id: string }> }).items[0]!.id;
  x.reviewId = ((await orgA.post(`/api/accounts/${a.accountId}/reviews`, { title: `Secret review ${a.accountId}`, periodStart: "2026-01-01", periodEnd: "2026-03-31", customerContactId: a.contactId, sendEmail: false })).json() as { cycle: { id: string } }).cycle.id;
  const adminB = await t.newOrgWithUser("admin");
  const bAccount = newId();
  await t.db.orm.insert(accounts).values({ orgId: adminB.orgId, id: bAccount, name: "B's own account", nameKey: "b's own account", currency: "CNY", ownerUserId: adminB.userId });
  attackers.session = { client: adminB, accountId: bAccount };
  attackers.token = { client: await bearerFor(t, adminB, "admin"), accountId: bAccount };
  before = await snapshotOrg(t.db, a.orgId);
});
afterAll(async () => t?.close());

describe("cross-tenant isolation", () => {
  it("covers every registered module", () => {
    const covered = new Set(RESOURCES.map((r) => r.prefix));
    expect([...registered].filter((p) => !covered.has(p))).toEqual([]);
  });

  for (const resource of active) {
    for (const via of ["session", "token"] as const) {
      it(`${resource.name}: org B's admin (${via}) cannot reach org A's records`, async () => {
        const b = attackers[via]!;
        for (const url of resource.reads?.(a) ?? []) {
          const res = await b.client.get(url);
          expect(res.statusCode, `GET ${url}`).toBe(404);
          expectNoSecrets(res.body, `GET ${url}`);
        }
        for (const url of resource.lists?.(a) ?? []) {
          const res = await b.client.get(url);
          expect(res.statusCode, `GET ${url}: ${res.body.slice(0, 300)}`).toBe(200);
          expectNoSecrets(res.body, `GET ${url}`);
        }
        for (const url of resource.filtered?.(a) ?? []) {
          const res = await b.client.get(url);
          expect(res.statusCode, `GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
          expectNoSecrets(res.body, `GET ${url}`);
        }
        for (const attack of resource.writes?.(a, b) ?? []) {
          const res = await b.client.request(attack.method, attack.url, attack.body, attack.headers);
          expect(attack.status ?? [404], `${attack.method} ${attack.url}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
          expectNoSecrets(res.body, `${attack.method} ${attack.url}`, attack.body);
        }
        for (const attack of resource.references?.(a, b) ?? []) {
          const res = await b.client.request(attack.method, attack.url, attack.body, attack.headers);
          expect(res.statusCode, `${attack.method} ${attack.url} ${JSON.stringify(attack.body)}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${attack.method} ${attack.url}`).toBeLessThan(500);
          expectNoSecrets(res.body, `${attack.method} ${attack.url}`, attack.body);
        }
        expect(await snapshotOrg(t.db, a.orgId)).toEqual(before);
      });
    }
  }

  it("shows B its own records, so the empty lists above are not empty by accident", async () => {
    const b = attackers.session!;
    expect((await b.client.get("/api/accounts")).json().items.map((x: { id: string }) => x.id)).toEqual([b.accountId]);
    if (registered.has("/api/exports")) expect((await b.client.get("/api/exports/accounts.csv")).body).toContain("B's own account");
  });

  it("leaves A's own token working", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/accounts/${a.accountId}`, headers: { authorization: `Bearer ${a.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(a.accountName);
  });
});
