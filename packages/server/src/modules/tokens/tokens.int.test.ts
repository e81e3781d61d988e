import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let am: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  am = await t.newUser(admin.orgId, "account_manager");
});
afterAll(async () => t?.close());

const bearer = (token: string, method: "GET" | "POST" = "GET", url = "/api/auth/me", payload?: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

describe("api tokens", () => {
  it("shows the token once, stores only its SHA-256, and authenticates with it", async () => {
    const res = await am.post("/api/tokens", { name: "CRM sync" });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^okam_[A-Za-z0-9_-]{40,}$/);
    expect(created).toMatchObject({ name: "CRM sync", role: "account_manager", prefix: created.token.slice(0, 12), revokedAt: null });
    const [row] = await t.db.rows<{ token_hash: string }>(sql`select token_hash from api_tokens where id = ${created.id}`);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(created.token);
    const me = await bearer(created.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authenticatedBy: "token", role: "account_manager" });
    const list = (await am.get("/api/tokens")).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty("token");
    expect(list[0].owner.id).toBe(am.userId);
  });

  it("acts with its own role, never more than its maker's", async () => {
    expect((await am.post("/api/tokens", { name: "too strong", role: "admin" })).statusCode).toBe(403);
    const viewerToken = (await am.post("/api/tokens", { name: "read only", role: "viewer" })).json().token as string;
    const write = await bearer(viewerToken, "POST", "/api/accounts", { name: "Via token", currency: "EUR" });
    expect(write.statusCode).toBe(403);
    expect((await bearer(viewerToken, "GET", "/api/accounts")).statusCode).toBe(200);
  });

  it("refuses to mint tokens with a token, and expiries in the past", async () => {
    const token = (await am.post("/api/tokens", { name: "parent" })).json().token as string;
    expect((await bearer(token, "POST", "/api/tokens", { name: "child" })).statusCode).toBe(403);
    expect((await am.post("/api/tokens", { name: "old", expiresAt: "2001-01-01T00:00:00Z" })).statusCode).toBe(400);
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    expect((await am.post("/api/tokens", { name: "soon", expiresAt: soon })).json().expiresAt).toBe(soon);
  });

  it("stops working at once when revoked by its owner or an admin; others cannot see it", async () => {
    const mine = (await am.post("/api/tokens", { name: "to revoke" })).json();
    const other = await t.newUser(admin.orgId, "director");
    expect((await other.delete(`/api/tokens/${mine.id}`)).statusCode).toBe(404);
    expect((await other.get("/api/tokens")).json().items.map((x: { id: string }) => x.id)).not.toContain(mine.id);
    expect((await admin.get("/api/tokens")).json().items.map((x: { id: string }) => x.id)).toContain(mine.id);
    expect((await admin.delete(`/api/tokens/${mine.id}`)).statusCode).toBe(204);
    expect((await bearer(mine.token)).statusCode).toBe(401);
    const second = (await am.post("/api/tokens", { name: "self revoke" })).json();
    expect((await am.delete(`/api/tokens/${second.id}`)).statusCode).toBe(204);
    expect((await bearer(second.token)).statusCode).toBe(401);
    expect((await am.delete(`/api/tokens/${second.id}`)).statusCode).toBe(204);
  });

  it("needs no CSRF header, but a session write does", async () => {
    const token = (await am.post("/api/tokens", { name: "no csrf" })).json().token as string;
    expect((await bearer(token, "POST", "/api/accounts", { name: "Token Co", currency: "EUR" })).statusCode).toBe(201);
    const noCsrf = await am.post("/api/tokens", { name: "x" }, { "x-csrf-token": "" });
    expect(noCsrf.statusCode).toBe(403);
  });
});
