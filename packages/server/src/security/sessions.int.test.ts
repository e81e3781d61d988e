import { apiTokens, sessions } from "@openkam/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { sha256 } from "../auth/secrets";
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from "../testing/test-app";

/** Attacks on sign-in, sessions, CSRF and API tokens, through real sign-ins. */

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const login = (email: string, password: string, ip = "203.0.113.7") =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });
const bearer = (token: string, method: "GET" | "POST" = "GET", url = "/api/auth/me", payload?: unknown) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === "openkam_session")!.value;
const withCookie = (cookie: string, method: "GET" | "POST" = "GET", url = "/api/auth/me", headers: Record<string, string> = {}, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: `openkam_session=${cookie}`, ...headers }, ...(payload ? { payload } : {}) });

async function newToken(c: Client, role?: string) {
  const res = await c.post("/api/tokens", { name: "security", ...(role ? { role } : {}) });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string };
}

describe("sessions", () => {
  it("sets the session cookie HttpOnly and SameSite=Lax, for the whole site", async () => {
    const res = await login(admin.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "openkam_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe("lax");
    expect(cookie.path).toBe("/");
  });

  it("ends the session at logout: the old cookie is refused at once", async () => {
    const res = await login(admin.email, TEST_PASSWORD);
    const cookie = cookieOf(res);
    const csrf = res.json().csrfToken as string;
    expect((await withCookie(cookie)).statusCode).toBe(200);
    expect((await withCookie(cookie, "POST", "/api/auth/logout", { "x-csrf-token": csrf })).statusCode).toBe(204);
    expect((await withCookie(cookie)).statusCode).toBe(401);
    expect((await withCookie(cookie, "POST", "/api/accounts", { "x-csrf-token": csrf }, { name: "After logout", currency: "CNY" })).statusCode).toBe(401);
  });

  it("refuses an expired session and a made-up cookie", async () => {
    const res = await login(admin.email, TEST_PASSWORD);
    const cookie = cookieOf(res);
    await t.db.orm.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.tokenHash, sha256(cookie)));
    expect((await withCookie(cookie)).statusCode).toBe(401);
    expect((await withCookie("forged-session-value")).statusCode).toBe(401);
  });

  it("ends sessions and tokens at once on deactivation and on a role change", async () => {
    for (const change of [{ isActive: false }, { role: "viewer" }] as const) {
      const victim = await t.newUser(admin.orgId, "director");
      const token = await newToken(victim);
      expect((await victim.get("/api/accounts")).statusCode).toBe(200);
      expect((await bearer(token.token, "GET", "/api/accounts")).statusCode).toBe(200);
      expect((await admin.patch(`/api/users/${victim.userId}`, { ...change, version: 1 })).statusCode).toBe(200);
      expect((await victim.get("/api/accounts")).statusCode, JSON.stringify(change)).toBe(401);
      expect((await bearer(token.token, "GET", "/api/accounts")).statusCode, JSON.stringify(change)).toBe(401);
      const [row] = await t.db.orm.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, token.id));
      expect(row!.revokedAt).not.toBeNull();
    }
  });

  it("ends access on every server instance when another one changes it", async () => {
    const other = await buildApp({ database: t.db, jobs: t.jobs, config: { runJobs: false } });
    await other.ready();
    try {
      const victim = await t.newUser(admin.orgId, "director");
      const token = await newToken(victim);
      const onOther = (headers: Record<string, string>) => other.inject({ method: "GET", url: "/api/accounts", headers });
      const cookie = { cookie: `openkam_session=${cookieOf(await login(victim.email, TEST_PASSWORD))}` };
      const auth = { authorization: `Bearer ${token.token}` };
      // Both credentials are in use on the other instance (and remembered there in server mode).
      for (let i = 0; i < 3; i++) {
        expect((await onOther(cookie)).statusCode).toBe(200);
        expect((await onOther(auth)).statusCode).toBe(200);
      }
      // The change is committed by someone else; the other instance handled no write.
      await t.db.rows(sql`update memberships set role = 'viewer' where org_id = ${admin.orgId} and user_id = ${victim.userId}`);
      await t.db.rows(sql`delete from sessions where user_id = ${victim.userId}`);
      await t.db.rows(sql`update api_tokens set revoked_at = now() where id = ${token.id}`);
      await expect.poll(async () => [(await onOther(cookie)).statusCode, (await onOther(auth)).statusCode], { timeout: 2_000, interval: 20 }).toEqual([401, 401]);
    } finally {
      await other.close();
    }
  });

  it("moves a session to another organization with a new cookie: the old one dies", async () => {
    const other = await t.newOrgWithUser("admin");
    expect((await other.post("/api/users", { email: admin.email, name: "x", password: "ignored-password", role: "viewer" })).statusCode).toBe(201);
    const res = await login(admin.email, TEST_PASSWORD);
    const cookie = cookieOf(res);
    const switched = await withCookie(cookie, "POST", "/api/auth/switch-organization", { "x-csrf-token": res.json().csrfToken }, { organizationId: other.orgId });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().organization.id).toBe(other.orgId);
    expect((await withCookie(cookie)).statusCode).toBe(401);
    expect((await withCookie(cookieOf(switched))).json().role).toBe("viewer");
  });
});

describe("CSRF", () => {
  it("refuses cookie writes without or with a wrong X-CSRF-Token", async () => {
    const res = await login(admin.email, TEST_PASSWORD);
    const cookie = cookieOf(res);
    const body = { name: "CSRF Co", currency: "CNY" };
    for (const headers of [{}, { "x-csrf-token": "wrong" }, { "x-csrf-token": "" }] as Array<Record<string, string>>) {
      const write = await withCookie(cookie, "POST", "/api/accounts", headers, body);
      expect(write.statusCode, JSON.stringify(headers)).toBe(403);
      expect(write.json().code).toBe("CSRF_TOKEN_INVALID");
    }
    const other = await login(admin.email, TEST_PASSWORD);
    expect((await withCookie(cookie, "POST", "/api/accounts", { "x-csrf-token": other.json().csrfToken }, body)).statusCode, "another session's token").toBe(403);
    expect((await withCookie(cookie, "POST", "/api/accounts", { "x-csrf-token": res.json().csrfToken }, body)).statusCode).toBe(201);
  });

  it("needs none for Bearer writes", async () => {
    const token = await newToken(admin);
    expect((await bearer(token.token, "POST", "/api/accounts", { name: "Bearer Co", currency: "CNY" })).statusCode).toBe(201);
  });
});

describe("API tokens", () => {
  it("refuses revoked, expired, malformed and unknown tokens", async () => {
    const revoked = await newToken(admin);
    await admin.delete(`/api/tokens/${revoked.id}`);
    const expired = await newToken(admin);
    await t.db.orm.update(apiTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(apiTokens.id, expired.id));
    for (const token of [revoked.token, expired.token, "okam_unknown", `${expired.token.slice(0, -1)}x`]) {
      expect((await bearer(token)).statusCode, token.slice(0, 12)).toBe(401);
    }
    for (const authorization of ["Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer a b", ""]) {
      const res = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it("does not fall back to the session when a Bearer token is bad", async () => {
    const res = await login(admin.email, TEST_PASSWORD);
    const both = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `openkam_session=${cookieOf(res)}`, authorization: "Bearer okam_forged" } });
    expect(both.statusCode).toBe(401);
  });
});

describe("secrets at rest", () => {
  it("never stores a token's plaintext, a session cookie or a password", async () => {
    const token = await newToken(admin);
    const cookie = cookieOf(await login(admin.email, TEST_PASSWORD));
    const password = "a-distinctive-password-Ω";
    const email = `stored-${Date.now()}@example.test`;
    expect((await admin.post("/api/users", { email, name: "Stored", password, role: "member" })).statusCode).toBe(201);
    const changer = await t.signIn(email, password);
    const newPassword = "another-distinctive-pw-Ж";
    expect((await changer.patch("/api/profile", { currentPassword: password, newPassword })).statusCode).toBe(200);

    const tables = await t.db.rows<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(10);
    for (const secret of [token.token, token.token.slice(12), cookie, password, newPassword, TEST_PASSWORD]) {
      for (const { table_name } of tables) {
        const [hit] = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} x where strpos(x::text, ${secret}) > 0`);
        expect(hit!.n, `${table_name} holds a secret starting ${secret.slice(0, 6)}`).toBe(0);
      }
    }
  });

  it("stores passwords as argon2id and never sends the hash", async () => {
    const hashes = await t.db.rows<{ password_hash: string }>(sql`select password_hash from users`);
    expect(hashes.length).toBeGreaterThan(2);
    for (const { password_hash } of hashes) expect(password_hash.startsWith("$argon2id$")).toBe(true);
    for (const url of ["/api/users", "/api/auth/me", "/api/users/options", "/api/tokens"]) {
      expect((await admin.get(url)).body, url).not.toContain("$argon2");
    }
  });
});

describe("sign-in guessing", () => {
  it("answers a wrong e-mail and a wrong password the same way", async () => {
    const wrongEmail = await login(`nobody-${Date.now()}@example.test`, TEST_PASSWORD, "198.51.100.1");
    const wrongPassword = await login(admin.email, "not the password", "198.51.100.1");
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.statusCode).toBe(401);
    const strip = (body: { instance?: string }) => ({ ...body, instance: undefined });
    expect(strip(wrongEmail.json())).toEqual(strip(wrongPassword.json()));
  });

  it("rate-limits repeated failures with 429 and Retry-After, even for the right password", async () => {
    const victim = await t.newUser(admin.orgId, "member");
    let limited: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 15 && !limited; i++) {
      const res = await login(victim.email.toUpperCase(), `guess-${i}`, `192.0.2.${i + 1}`);
      if (res.statusCode === 429) limited = res;
      else expect(res.statusCode).toBe(401);
    }
    expect(limited?.statusCode).toBe(429);
    expect(Number(limited!.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited!.headers["content-type"]).toContain("application/problem+json");
    expect((await login(victim.email, TEST_PASSWORD, "192.0.2.200")).statusCode).toBe(429);
  });
});
