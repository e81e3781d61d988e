import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("users", () => {
  it("adds a member who can then sign in, and lists them", async () => {
    const email = uniqueEmail("new");
    const res = await admin.post("/api/users", { email: email.toUpperCase(), name: "王芳", password: "a-long-password-1", role: "account_manager" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, name: "王芳", role: "account_manager", isActive: true, version: 1 });
    expect(res.json()).not.toHaveProperty("passwordHash");
    const signedIn = await t.signIn(email, "a-long-password-1");
    expect(signedIn.role).toBe("account_manager");
    const list = await admin.get(`/api/users?q=${encodeURIComponent("王")}`);
    expect(list.json().items.map((u: { email: string }) => u.email)).toEqual([email]);
  });

  it("lists members by name, Chinese ones by pinyin, and follows a change of name", async () => {
    const a = await t.newOrgWithUser("admin");
    for (const name of ["陈静", "Zhou Kai", "Bob Ma"]) {
      expect((await a.post("/api/users", { email: uniqueEmail("order"), name, password: "a-long-password-1", role: "member" })).statusCode).toBe(201);
    }
    const listed = async (path: string) => ((await a.get(path)).json().items as Array<{ id: string; name: string }>).filter((u) => u.id !== a.userId).map((u) => u.name);
    // chen jing, bob ma, zhou kai
    expect(await listed("/api/users")).toEqual(["Bob Ma", "陈静", "Zhou Kai"]);
    expect(await listed("/api/users/options")).toEqual(["Bob Ma", "陈静", "Zhou Kai"]);
    expect((await a.patch("/api/profile", { name: "阿明" })).statusCode).toBe(200);
    const names = ((await a.get("/api/users")).json().items as Array<{ name: string }>).map((u) => u.name);
    expect(names).toEqual(["阿明", "Bob Ma", "陈静", "Zhou Kai"]);
  });

  it("adds an existing person to another organization without touching their password", async () => {
    const other = await t.newOrgWithUser("viewer");
    const res = await admin.post("/api/users", { email: other.email, name: "Ignored", password: "attacker-chosen-pw", role: "member" });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).not.toBe("Ignored");
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: other.email, password: "attacker-chosen-pw" } });
    expect(login.statusCode).toBe(401);
    await t.signIn(other.email, TEST_PASSWORD);
    expect((await admin.post("/api/users", { email: other.email, name: "Again", password: "whatever-123", role: "member" })).statusCode).toBe(409);
  });

  it("rejects short passwords, unknown roles and unknown fields", async () => {
    const res = await admin.post("/api/users", { email: uniqueEmail("x"), name: "X", password: "short", role: "owner", isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["body.password", "body.role"]));
  });

  it("lets directors list but not change members; members neither", async () => {
    const director = await t.newUser(admin.orgId, "director");
    const member = await t.newUser(admin.orgId, "member");
    expect((await director.get("/api/users")).statusCode).toBe(200);
    expect((await director.patch(`/api/users/${member.userId}`, { role: "viewer", version: 1 })).statusCode).toBe(403);
    expect((await director.post("/api/users", { email: uniqueEmail("d"), name: "D", password: "long-enough-1", role: "admin" })).statusCode).toBe(403);
    expect((await member.get("/api/users")).statusCode).toBe(403);
    const options = await member.get("/api/users/options");
    expect(options.statusCode).toBe(200);
    expect(options.json().items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([admin.userId, director.userId, member.userId]));
    expect(Object.keys(options.json().items[0]).sort()).toEqual(["id", "name"]);
  });

  it("changes a role with versions (412 / 409) and ends the member's sessions and tokens at once", async () => {
    const am = await t.newUser(admin.orgId, "account_manager");
    const token = (await am.post("/api/tokens", { name: "sync" })).json().token as string;
    const bearer = () => t.app.inject({ method: "GET", url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } });
    expect((await bearer()).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${am.userId}`, { role: "member" }, { "if-match": '"1"' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: "member", version: 2 });
    expect(res.headers.etag).toBe('"2"');
    expect((await am.get("/api/auth/me")).statusCode).toBe(401);
    expect((await bearer()).statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${am.userId}`, { role: "viewer" }, { "if-match": '"1"' })).statusCode).toBe(412);
    const stale = await admin.patch(`/api/users/${am.userId}`, { role: "viewer", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ role: "member", version: 2 });
    const again = await t.signIn(am.email, TEST_PASSWORD);
    expect(again.role).toBe("member");
  });

  it("deactivates and reactivates a membership", async () => {
    const m = await t.newUser(admin.orgId, "member");
    expect((await admin.patch(`/api/users/${m.userId}`, { isActive: false, version: 1 })).json()).toMatchObject({ isActive: false });
    expect((await m.get("/api/auth/me")).statusCode).toBe(401);
    const login = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email: m.email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(401);
    const options = (await admin.get("/api/users/options")).json().items.map((o: { id: string }) => o.id);
    expect(options).not.toContain(m.userId);
    expect((await admin.patch(`/api/users/${m.userId}`, { isActive: true, version: 2 })).json()).toMatchObject({ isActive: true, version: 3 });
    await t.signIn(m.email, TEST_PASSWORD);
  });

  it("keeps at least one active admin", async () => {
    const solo = await t.newOrgWithUser("admin");
    const demote = await solo.patch(`/api/users/${solo.userId}`, { role: "director", version: 1 });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().code).toBe("UNPROCESSABLE");
    expect((await solo.patch(`/api/users/${solo.userId}`, { isActive: false, version: 1 })).statusCode).toBe(422);
    const second = await t.newUser(solo.orgId, "admin");
    // Two admins demoting each other at the same moment must not leave the organization without one.
    const results = await Promise.all([
      solo.patch(`/api/users/${second.userId}`, { role: "member", version: 1 }),
      second.patch(`/api/users/${solo.userId}`, { role: "member", version: 1 }),
    ]);
    const [admins] = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from memberships where org_id = ${solo.orgId} and role = 'admin' and is_active`);
    expect(admins!.n).toBeGreaterThanOrEqual(1);
    expect(results.map((r) => r.statusCode)).toContain(200);
  });

  it("audits membership changes without secrets", async () => {
    const m = await t.newUser(admin.orgId, "viewer");
    await admin.patch(`/api/users/${m.userId}`, { role: "member", version: 1 });
    const rows = await t.db.rows<{ action: string; after: string }>(sql`select action, after::text as after from audit_log where entity_id = ${m.userId} and entity_type = 'membership'`);
    expect(rows.map((r) => r.action)).toEqual(["update"]);
    expect(rows[0]!.after).not.toContain("argon2");
  });
});

describe("profile", () => {
  it("changes name and locale", async () => {
    const me = await t.newOrgWithUser("viewer");
    const res = await me.patch("/api/profile", { name: "李雷", locale: "zh-CN" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "李雷", locale: "zh-CN" });
    expect((await me.get("/api/auth/me")).json().user).toMatchObject({ name: "李雷", locale: "zh-CN" });
    expect((await me.patch("/api/profile", { locale: "fr" })).statusCode).toBe(400);
  });

  it("changes the password only with the current one, ending the other sessions", async () => {
    const me = await t.newOrgWithUser("member");
    const other = await t.signIn(me.email, TEST_PASSWORD);
    expect((await me.patch("/api/profile", { newPassword: "a-brand-new-password" })).statusCode).toBe(400);
    const wrong = await me.patch("/api/profile", { currentPassword: "not it at all", newPassword: "a-brand-new-password" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe("currentPassword");
    expect((await me.patch("/api/profile", { currentPassword: TEST_PASSWORD, newPassword: "short" })).statusCode).toBe(400);
    const ok = await me.patch("/api/profile", { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-password" });
    expect(ok.statusCode).toBe(200);
    expect((await me.get("/api/auth/me")).statusCode).toBe(200);
    expect((await other.get("/api/auth/me")).statusCode).toBe(401);
    await t.signIn(me.email, "a-brand-new-password");
  });
});
