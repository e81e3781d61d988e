import { accountTeamMembers } from "@openkam/db";
import type { OrgRole } from "@openkam/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULES } from "../modules/index";
import { createTestApp, type Client, type TestApp } from "../testing/test-app";
import { bearerFor, memberWithSession, multipartCsv, seedTenant, snapshotOrg, type Tenant } from "./security.fixtures";

/**
 * Role attacks inside one organization: viewers cannot write anything,
 * account managers and members only see the accounts whose team they are on
 * (and what hangs off them), and only admins manage people, other people's
 * tokens and the organization.
 */

type Method = "POST" | "PATCH" | "PUT" | "DELETE";
interface Write {
  prefix: string;
  method: Method;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

let t: TestApp;
let admin: Client;
const as: Partial<Record<OrgRole, Client>> = {};
/** Records on an account whose team has the viewer, the member and the account manager on it. */
let shared: Tenant;
/** Records on an account whose team has only the admin on it. */
let hidden: Tenant;

const registered = new Set(MODULES.map((m) => m.prefix));

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  for (const role of ["director", "account_manager", "member", "viewer"] as const) as[role] = await memberWithSession(t, admin.orgId, role);
  shared = await seedTenant(t.db, admin.orgId, admin.userId, "S");
  hidden = await seedTenant(t.db, admin.orgId, admin.userId, "H");
  for (const role of ["account_manager", "member", "viewer"] as const) {
    await t.db.orm.insert(accountTeamMembers).values({ orgId: admin.orgId, accountId: shared.accountId, userId: as[role]!.userId, teamRole: "sales", allocationPct: 10 });
  }
});
afterAll(async () => t?.close());

function viewerWrites(s: Tenant, viewer: Client): Write[] {
  const upload = multipartCsv("accounts", "name,currency\r\nViewer Co,CNY\r\n");
  const interaction = { accountId: s.accountId, type: "call", occurredAt: "2024-06-01T09:00:00Z", subject: "Viewer call" };
  return [
    { prefix: "/api/accounts", method: "POST", url: "/api/accounts", body: { name: "Viewer Co", currency: "CNY" } },
    { prefix: "/api/accounts", method: "PATCH", url: `/api/accounts/${s.accountId}`, body: { name: "Viewer edit", version: 1 } },
    { prefix: "/api/accounts", method: "DELETE", url: `/api/accounts/${s.accountId}` },
    { prefix: "/api/accounts", method: "PUT", url: `/api/accounts/${s.accountId}/team/${viewer.userId}`, body: { teamRole: "kam_lead", allocationPct: 90, version: 1 } },
    { prefix: "/api/accounts", method: "DELETE", url: `/api/accounts/${s.accountId}/team/${s.userId}` },
    { prefix: "/api/contacts", method: "POST", url: "/api/contacts", body: { accountId: s.accountId, name: "Viewer contact" } },
    { prefix: "/api/contacts", method: "PATCH", url: `/api/contacts/${s.contactId}`, body: { name: "Viewer edit", version: 1 } },
    { prefix: "/api/contacts", method: "DELETE", url: `/api/contacts/${s.contactId}` },
    { prefix: "/api/products", method: "POST", url: "/api/products", body: { sku: "VIEWER-1", name: "Viewer product" } },
    { prefix: "/api/products", method: "PATCH", url: `/api/products/${s.productId}`, body: { name: "Viewer edit", version: 1 } },
    { prefix: "/api/products", method: "DELETE", url: `/api/products/${s.productId}` },
    { prefix: "/api/orders", method: "POST", url: "/api/orders", body: { accountId: s.accountId, orderDate: "2024-06-01", currency: "CNY", amount: "5.00" } },
    { prefix: "/api/orders", method: "PATCH", url: `/api/orders/${s.orderId}`, body: { notes: "Viewer edit", version: 1 } },
    { prefix: "/api/orders", method: "DELETE", url: `/api/orders/${s.orderId}` },
    { prefix: "/api/interactions", method: "POST", url: "/api/interactions", body: interaction },
    { prefix: "/api/interactions", method: "PATCH", url: `/api/interactions/${s.interactionId}`, body: { subject: "Viewer edit", version: 1 } },
    { prefix: "/api/interactions", method: "DELETE", url: `/api/interactions/${s.interactionId}` },
    { prefix: "/api/interactions", method: "POST", url: `/api/interactions/${s.interactionId}/next-step-task`, body: {} },
    { prefix: "/api/tasks", method: "POST", url: "/api/tasks", body: { title: "Viewer task", accountId: s.accountId } },
    { prefix: "/api/tasks", method: "PATCH", url: `/api/tasks/${s.taskId}`, body: { title: "Viewer edit", version: 1 } },
    { prefix: "/api/tasks", method: "DELETE", url: `/api/tasks/${s.taskId}` },
    { prefix: "/api/imports", method: "POST", url: "/api/imports", body: upload.body, headers: upload.headers },
    { prefix: "/api/users", method: "POST", url: "/api/users", body: { email: "viewer-made@example.test", name: "Nope", password: "long-enough-pw", role: "admin" } },
    { prefix: "/api/users", method: "PATCH", url: `/api/users/${viewer.userId}`, body: { role: "admin", version: 1 } },
    { prefix: "/api/organization", method: "PATCH", url: "/api/organization", body: { name: "Viewer Org", version: 1 } },
    { prefix: "/api/accounts", method: "POST", url: `/api/accounts/${s.accountId}/tier`, body: { tier: "standard", reason: "Viewer" } },
    { prefix: "/api/analytics", method: "POST", url: "/api/analytics/runs", body: { kind: "rfm" } },
    { prefix: "/api/analytics", method: "POST", url: `/api/analytics/runs/${s.runId}/promote`, body: { accountIds: [s.accountId], tier: "standard", reason: "Viewer" } },
    { prefix: "/api/accounts", method: "PUT", url: `/api/accounts/${s.accountId}/cadence`, body: { visit: 7, version: 0 } },
    { prefix: "/api/cadence", method: "PUT", url: "/api/cadence/policies/key", body: { visit: 7, version: 0 } },
    { prefix: "/api/contacts", method: "PUT", url: `/api/contacts/${s.contactId}/relationships/${viewer.userId}`, body: { strength: 3 } },
    { prefix: "/api/contacts", method: "DELETE", url: `/api/contacts/${s.contactId}/relationships/${s.userId}?version=1` },
  ];
}

describe("viewers", () => {
  it("cannot write to any resource (session or viewer-role token), and nothing changes", async () => {
    const viewer = as.viewer!;
    const viewerToken = await bearerFor(t, admin, "viewer");
    // The first use stamps last_used_at; later ones within minutes do not, so the snapshot stays comparable.
    expect((await viewerToken.get("/api/auth/me")).statusCode).toBe(200);
    const before = await snapshotOrg(t.db, admin.orgId);
    const writes = viewerWrites(shared, viewer).filter((w) => registered.has(w.prefix));
    expect(writes.length).toBeGreaterThan(15);
    for (const caller of [viewer, viewerToken]) {
      for (const w of writes) {
        const res = await caller.request(w.method, w.url, w.body, w.headers);
        expect(res.statusCode, `${caller === viewer ? "viewer" : "viewer token"} ${w.method} ${w.url}: ${res.body.slice(0, 200)}`).toBe(403);
      }
    }
    expect(await snapshotOrg(t.db, admin.orgId)).toEqual(before);
  });

  it("can still read what they can see", async () => {
    expect((await as.viewer!.get(`/api/accounts/${shared.accountId}`)).statusCode).toBe(200);
  });
});

/** The records of a tenant's account, by kind: the by-id URL and the list that must (not) contain it. */
const hangingOff = (x: Tenant) => [
  { prefix: "/api/accounts", url: `/api/accounts/${x.accountId}`, list: "/api/accounts?limit=200", id: x.accountId },
  { prefix: "/api/accounts", url: `/api/accounts/${x.accountId}/team`, list: null, id: x.accountId },
  { prefix: "/api/accounts", url: `/api/accounts/${x.accountId}/summary`, list: null, id: x.accountId },
  { prefix: "/api/accounts", url: `/api/accounts/${x.accountId}/cadence`, list: null, id: x.accountId },
  { prefix: "/api/accounts", url: `/api/accounts/${x.accountId}/stakeholder-map`, list: null, id: x.accountId },
  { prefix: "/api/contacts", url: `/api/contacts/${x.contactId}`, list: "/api/contacts?limit=200", id: x.contactId },
  { prefix: "/api/orders", url: `/api/orders/${x.orderId}`, list: "/api/orders?limit=200", id: x.orderId },
  { prefix: "/api/interactions", url: `/api/interactions/${x.interactionId}`, list: "/api/interactions?limit=200", id: x.interactionId },
  { prefix: "/api/tasks", url: `/api/tasks/${x.taskId}`, list: "/api/tasks?limit=200", id: x.taskId },
].filter((r) => registered.has(r.prefix));

describe("account managers and members", () => {
  for (const role of ["account_manager", "member"] as const) {
    it(`${role}: sees nothing of accounts whose team they are not on, and everything once added`, async () => {
      const me = await memberWithSession(t, admin.orgId, role);
      for (const r of hangingOff(hidden)) {
        expect((await me.get(r.url)).statusCode, `GET ${r.url}`).toBe(404);
        if (r.list) expect((await me.get(r.list)).body, `GET ${r.list}`).not.toContain(r.id);
      }
      for (const [url, body] of [
        [`/api/accounts/${hidden.accountId}`, { name: "Peek", version: 1 }],
        [`/api/contacts/${hidden.contactId}`, { name: "Peek", version: 1 }],
        [`/api/tasks/${hidden.taskId}`, { title: "Peek", version: 1 }],
      ] as const) {
        if (registered.has(`/api/${url.split("/")[2]}`)) expect((await me.patch(url, body)).statusCode, `PATCH ${url}`).toBe(404);
      }
      if (registered.has("/api/search")) expect((await me.get(`/api/search?q=${encodeURIComponent(hidden.accountName)}`)).body).not.toContain(hidden.accountId);

      await t.db.orm.insert(accountTeamMembers).values({ orgId: admin.orgId, accountId: hidden.accountId, userId: me.userId, teamRole: "support", allocationPct: 5 });
      for (const r of hangingOff(hidden)) {
        expect((await me.get(r.url)).statusCode, `GET ${r.url} once on the team`).toBe(200);
        if (r.list) expect((await me.get(r.list)).body, `GET ${r.list} once on the team`).toContain(r.id);
      }
    });
  }

  it("directors see every account without being on its team", async () => {
    for (const r of hangingOff(hidden)) expect((await as.director!.get(r.url)).statusCode, `GET ${r.url}`).toBe(200);
  });
});

describe("analyses", () => {
  it("only account managers, directors and admins start runs and promote from them; members cannot, even on their own accounts", async () => {
    if (!registered.has("/api/analytics")) return;
    const before = await snapshotOrg(t.db, admin.orgId);
    const member = as.member!;
    expect((await member.post("/api/analytics/runs", { kind: "rfm" })).statusCode).toBe(403);
    expect((await member.post(`/api/analytics/runs/${shared.runId}/promote`, { accountIds: [shared.accountId], tier: "standard", reason: "Member" })).statusCode).toBe(403);
    expect(await snapshotOrg(t.db, admin.orgId)).toEqual(before);
    for (const role of ["account_manager", "director"] as const) {
      const res = await as[role]!.post("/api/analytics/runs", { kind: "pareto" });
      expect(res.statusCode, role).toBe(202);
      expect(res.json().scope, role).toBe(role === "director" ? "organization" : "own_accounts");
    }
  });

  it("shows members and viewers a run's results on their own accounts only", async () => {
    if (!registered.has("/api/analytics")) return;
    for (const role of ["member", "viewer", "account_manager"] as const) {
      const shown = (await as[role]!.get(`/api/analytics/runs/${hidden.runId}`)).json();
      expect(shown.results.items, role).toEqual([]);
      expect(shown.run.summary, role).toMatchObject({ selected: 1 });
      expect((await as[role]!.get(`/api/analytics/runs/${shared.runId}`)).json().results.items.map((r: { accountId: string }) => r.accountId), role).toEqual([shared.accountId]);
      expect((await as[role]!.get(`/api/accounts/${hidden.accountId}/tier-history`)).statusCode, role).toBe(404);
    }
  });
});

describe("administration is for admins", () => {
  it("only admins add members, change roles and change the organization", async () => {
    const target = as.member!;
    for (const role of ["director", "account_manager", "member", "viewer"] as const) {
      const c = as[role]!;
      expect((await c.post("/api/users", { email: `${role}-made@example.test`, name: "Nope", password: "long-enough-pw", role: "admin" })).statusCode, role).toBe(403);
      expect((await c.patch(`/api/users/${target.userId}`, { role: "admin", version: 1 })).statusCode, role).toBe(403);
      expect((await c.patch(`/api/users/${c.userId}`, { role: "admin", version: 1 })).statusCode, `${role} promoting themselves`).toBe(403);
      expect((await c.patch("/api/organization", { name: "Taken over", version: 1 })).statusCode, role).toBe(403);
      expect((await c.get("/api/users")).statusCode, role).toBe(role === "director" ? 200 : 403);
      expect((await c.get("/api/users/options")).statusCode, role).toBe(200);
    }
  });

  it("only admins see and revoke other people's tokens", async () => {
    const adminToken = await bearerFor(t, admin, "admin");
    for (const role of ["director", "account_manager", "member", "viewer"] as const) {
      const c = as[role]!;
      expect((await c.get("/api/tokens")).body, role).not.toContain(adminToken.tokenId);
      expect((await c.delete(`/api/tokens/${adminToken.tokenId}`)).statusCode, role).toBe(404);
    }
    expect((await adminToken.get("/api/auth/me")).statusCode).toBe(200);
    const directorToken = await bearerFor(t, as.director!, "director");
    expect((await admin.get("/api/tokens")).body).toContain(directorToken.tokenId);
    expect((await admin.delete(`/api/tokens/${directorToken.tokenId}`)).statusCode).toBe(204);
    expect((await directorToken.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("nobody mints a token above their own role", async () => {
    for (const [role, above] of [["director", "admin"], ["account_manager", "director"], ["member", "account_manager"], ["viewer", "member"]] as const) {
      expect((await as[role]!.post("/api/tokens", { name: "escalate", role: above })).statusCode, role).toBe(403);
    }
  });
});
