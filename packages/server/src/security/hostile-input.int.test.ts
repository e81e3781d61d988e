import { newId } from "@openkam/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../http/cursor";
import { MODULES } from "../modules/index";
import { createTestApp, type Client, type TestApp } from "../testing/test-app";
import { seedTenant, snapshotOrg, type Tenant } from "./security.fixtures";

/**
 * Hostile input: whatever arrives, the answer is a 4xx problem document (or,
 * for a search that simply finds nothing, a 200), never a 500, and the
 * database is unchanged.
 */

let t: TestApp;
let admin: Client;
let x: Tenant;
let before: Record<string, string>;

const registered = new Set(MODULES.map((m) => m.prefix));
const has = (url: string) => registered.has(`/api/${url.split(/[/?]/)[2]}`);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  x = await seedTenant(t.db, admin.orgId, admin.userId, "X");
  // Reads of the admin's own session move nothing that the snapshot covers.
  before = await snapshotOrg(t.db, admin.orgId);
});
afterAll(async () => t?.close());

function expectRefused(res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(res.headers["content-type"]), what).toContain("application/problem+json");
}

/** Whether the answer is a 4xx problem document; for tests that list every offending request at once. */
function refusal(res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string): string[] {
  const ok = res.statusCode >= 400 && res.statusCode < 500 && String(res.headers["content-type"]).includes("application/problem+json");
  return ok ? [] : [`${what} → ${res.statusCode}`];
}

/** A 200 (nothing found is a fine answer to a strange search) or a 4xx problem; never a 5xx. */
function expectHandled(res: { statusCode: number; headers: Record<string, unknown>; body: string }, what: string) {
  if (res.statusCode === 200) return;
  expectRefused(res, what);
}

const SQLISH = [
  "' OR 1=1 --",
  "'; DROP TABLE accounts; --",
  "%' UNION SELECT password_hash FROM users --",
  "' || pg_sleep(3) || '",
  "\\",
  "%_%",
  "$1",
  ")))((('",
  "名字' OR '1'='1",
];
/** Already percent-encoded: bytes that are not valid UTF-8, and a lone surrogate. */
const RAW_QS = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%"];

const LISTS = ["/api/accounts", "/api/contacts", "/api/products", "/api/orders", "/api/interactions", "/api/tasks", "/api/users", "/api/imports"].filter(has);
const SORTED_LISTS = ["/api/accounts", "/api/contacts", "/api/products", "/api/orders", "/api/interactions", "/api/tasks"].filter(has);

describe("hostile query strings", () => {
  it("survives SQL-ish and broken text in q", async () => {
    const urls = [...LISTS, ...(has("/api/search") ? ["/api/search"] : [])];
    for (const list of urls) {
      for (const q of SQLISH) expectHandled(await admin.get(`${list}?q=${encodeURIComponent(q)}`), `${list}?q=${JSON.stringify(q)}`);
      for (const q of RAW_QS) expectHandled(await admin.get(`${list}?q=${q}`), `${list}?q=${q}`);
    }
    const res = await admin.get(`/api/accounts?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(res.json().items).toEqual([]);
  });

  it("refuses unknown sorts", async () => {
    for (const list of SORTED_LISTS) {
      for (const sort of ["name; drop table accounts", "password_hash", "-(select 1)", "1"]) {
        expectRefused(await admin.get(`${list}?sort=${encodeURIComponent(sort)}`), `${list}?sort=${sort}`);
      }
    }
  });

  it("refuses forged and broken cursors, whatever the sort", async () => {
    const failures: string[] = [];
    const forged = ["' or 1=1 --", "not a date", "2024-13-45", "1e999999", "9".repeat(400), ""];
    for (const list of SORTED_LISTS.concat(LISTS.filter((l) => !SORTED_LISTS.includes(l)))) {
      for (const cursor of ["garbage", "'; drop table accounts; --", Buffer.from("[1,2]").toString("base64url"), "x".repeat(600)]) {
        expectRefused(await admin.get(`${list}?cursor=${encodeURIComponent(cursor)}`), `${list}?cursor=${cursor.slice(0, 30)}`);
      }
      const sorts = SORTED_LISTS.includes(list) ? await sortsOf(list) : [undefined];
      for (const sort of sorts) {
        for (const key of forged) {
          const url = `${list}?cursor=${encodeCursor(key, newId())}${sort ? `&sort=${encodeURIComponent(sort)}` : ""}`;
          const res = await admin.get(url);
          if (res.statusCode !== 200) failures.push(...refusal(res, `${list} sort=${sort} cursor key ${JSON.stringify(key.slice(0, 20))}`));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses limits out of range and repeated parameters", async () => {
    for (const list of LISTS) {
      for (const limit of ["0", "-1", "100000", "abc", "1e3", "1;select"]) expectRefused(await admin.get(`${list}?limit=${encodeURIComponent(limit)}`), `${list}?limit=${limit}`);
    }
    expectHandled(await admin.get("/api/accounts?q=a&q=b"), "repeated q");
  });
});

/** The sort values a list accepts, read from its OpenAPI description. */
async function sortsOf(list: string): Promise<string[]> {
  const spec = (await admin.get("/api/openapi.json")).json() as { paths: Record<string, { get?: { parameters?: Array<{ name: string; schema?: { enum?: string[] } }> } }> };
  const params = spec.paths[list]?.get?.parameters ?? spec.paths[`${list}/`]?.get?.parameters ?? [];
  return params.find((p) => p.name === "sort")?.schema?.enum ?? [];
}

describe("hostile ids", () => {
  const BAD_IDS = ["1", "' or 1=1 --", "..%2F..%2Fetc%2Fpasswd", "00000000-0000-0000-0000-00000000000g", "x".repeat(90), "%00", "null", "undefined"];

  it("answers ids that are not UUIDs with a 4xx on every by-id route", async () => {
    const routes: Array<[string, string, unknown?]> = [];
    for (const base of ["accounts", "contacts", "products", "orders", "interactions", "tasks", "users", "imports"]) {
      if (!has(`/api/${base}`)) continue;
      routes.push(["GET", `/api/${base}/:id`], ["PATCH", `/api/${base}/:id`, { version: 1 }], ["DELETE", `/api/${base}/:id`]);
    }
    if (has("/api/accounts")) routes.push(["GET", "/api/accounts/:id/team"], ["GET", "/api/accounts/:id/summary"], ["GET", "/api/accounts/:id/activity"], ["GET", "/api/accounts/:id/product-mix"], ["PUT", `/api/accounts/${x.accountId}/team/:id`, { teamRole: "sales", allocationPct: 1 }]);
    if (has("/api/tokens")) routes.push(["DELETE", "/api/tokens/:id"]);
    if (has("/api/views")) routes.push(["PATCH", "/api/views/:id", { name: "v", version: 1 }], ["DELETE", "/api/views/:id"]);
    if (has("/api/accounts")) routes.push(["GET", "/api/accounts/:id/cadence"], ["PUT", "/api/accounts/:id/cadence", { version: 0 }]);
    if (has("/api/accounts")) routes.push(["GET", "/api/accounts/:id/stakeholder-map"]);
    if (has("/api/contacts")) routes.push(["PUT", `/api/contacts/:id/relationships/${x.userId}`, { strength: 3 }], ["DELETE", `/api/contacts/${x.contactId}/relationships/:id?version=1`]);
    for (const [method, pattern, body] of routes) {
      for (const id of BAD_IDS) {
        const url = pattern.replace(":id", id);
        const res = await admin.request(method as "GET", url, body);
        expectRefused(res, `${method} ${url.slice(0, 80)}`);
      }
    }
  });

  it("answers an over-long id with a problem document too", async () => {
    expectRefused(await admin.get(`/api/accounts/${"x".repeat(5000)}`), "5,000-character id");
  });
});

describe("hostile bodies", () => {
  const writes = () => [
    { url: "/api/accounts", method: "POST", valid: { name: "Valid Co", currency: "CNY" } },
    { url: `/api/accounts/${x.accountId}`, method: "PATCH", valid: { version: 1 } },
    { url: "/api/contacts", method: "POST", valid: { accountId: x.accountId, name: "Valid" } },
    { url: "/api/products", method: "POST", valid: { sku: "VALID-1", name: "Valid" } },
    { url: "/api/orders", method: "POST", valid: { accountId: x.accountId, orderDate: "2024-01-01", currency: "CNY", amount: "1.00" } },
    { url: "/api/interactions", method: "POST", valid: { accountId: x.accountId, type: "call", occurredAt: "2024-01-01T00:00:00Z", subject: "Valid" } },
    { url: "/api/tasks", method: "POST", valid: { title: "Valid" } },
    { url: "/api/users", method: "POST", valid: { email: "valid@example.test", name: "Valid", password: "long-enough-pw", role: "member" } },
    { url: "/api/tokens", method: "POST", valid: { name: "Valid" } },
    { url: "/api/organization", method: "PATCH", valid: { version: 1 } },
    { url: "/api/profile", method: "PATCH", valid: {} },
    { url: `/api/accounts/${x.accountId}/cadence`, method: "PUT", valid: { version: 0 } },
    { url: "/api/cadence/policies/key", method: "PUT", valid: { version: 0 } },
    { url: `/api/contacts/${x.contactId}/relationships/${x.userId}`, method: "PUT", valid: { strength: 3 } },
  ].filter((w) => has(w.url));

  it("refuses unknown fields", async () => {
    for (const w of writes()) {
      const valid = JSON.stringify(w.valid).slice(1, -1);
      for (const extra of [`"orgId":"${newId()}"`, '"isAdmin":true', '"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}']) {
        const res = await admin.request(w.method as "POST", w.url, `{${valid ? `${valid},` : ""}${extra}}`, { "content-type": "application/json" });
        expectRefused(res, `${w.method} ${w.url} + ${extra}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses wrong types", async () => {
    const wrong: Array<[string, string, Record<string, unknown>]> = [
      ["POST", "/api/accounts", { name: 123, currency: "CNY" }],
      ["POST", "/api/accounts", { name: "T", currency: ["CNY"] }],
      ["POST", "/api/accounts", { name: "T", currency: "CNY", tags: "a,b" }],
      ["POST", "/api/accounts", { name: "T", currency: "CNY", customFields: [] }],
      ["POST", "/api/accounts", { name: { $ne: null }, currency: "CNY" }],
      ["PATCH", `/api/accounts/${x.accountId}`, { version: "1" }],
      ["PATCH", `/api/accounts/${x.accountId}`, { version: 1.5 }],
      ["PATCH", "/api/organization", { fiscalYearStartMonth: "4", version: 1 }],
      ["POST", "/api/tokens", { name: "T", role: "superuser" }],
      ["POST", "/api/tokens", { name: "T", expiresAt: "tomorrow" }],
      ["POST", "/api/users", { email: "not-an-email", name: "T", password: "long-enough-pw", role: "member" }],
      ["PATCH", "/api/profile", { locale: 5 }],
      ["POST", "/api/orders", { accountId: x.accountId, orderDate: "2024-02-30", currency: "CNY", amount: "1.00" }],
      ["POST", "/api/orders", { accountId: x.accountId, orderDate: "2024-01-01", currency: "CNY", amount: "1e400" }],
      ["POST", "/api/tasks", { title: "T", position: "Infinity" }],
    ];
    for (const [method, url, body] of wrong.filter(([, u]) => has(u))) expectRefused(await admin.request(method as "POST", url, body), `${method} ${url} ${JSON.stringify(body)}`);
    for (const raw of ["{", "[]", "null", '"text"', "{\"name\":\"a\",}", "\u0000"]) {
      expectRefused(await admin.request("POST", "/api/accounts", raw, { "content-type": "application/json" }), `raw body ${JSON.stringify(raw)}`);
    }
    expectRefused(await admin.request("POST", "/api/accounts", "name=x&currency=CNY", { "content-type": "application/x-www-form-urlencoded" }), "form body");
  });

  it("refuses huge bodies and huge fields", async () => {
    const huge = JSON.stringify({ name: "Huge", currency: "CNY", customFields: { blob: "x".repeat(3 * 1024 * 1024) } });
    const res = await admin.request("POST", "/api/accounts", huge, { "content-type": "application/json" });
    expectRefused(res, "3 MB body");
    expect(res.statusCode).toBe(413);
    expectRefused(await admin.post("/api/accounts", { name: "n".repeat(1_000_000), currency: "CNY" }), "1 MB name");
    expectRefused(await admin.post("/api/accounts", { name: "Many tags", currency: "CNY", tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) }), "10,000 tags");
    if (has("/api/orders")) {
      const lines = Array.from({ length: 5000 }, () => ({ productId: x.productId, quantity: "1", unitPrice: "1" }));
      expectRefused(await admin.post("/api/orders", { accountId: x.accountId, orderDate: "2024-01-01", lines }), "5,000 order lines");
    }
  });

  it("refuses deeply nested JSON in custom fields and in the body", async () => {
    const nest = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;
    const failures: string[] = [];
    for (const depth of [100, 1000, 5000, 9000, 100_000]) {
      const body = `{"name":"Deep ${depth}","currency":"CNY","customFields":{"deep":${nest(depth)}}}`;
      failures.push(...refusal(await admin.request("POST", "/api/accounts", body, { "content-type": "application/json" }), `customFields nested ${depth} deep`));
    }
    expect(failures).toEqual([]);
  });

  it("refuses NUL bytes in the query string and in cursors", async () => {
    const failures: string[] = [];
    // Orders and imports take no q (it is ignored), so only the searchable lists count here.
    for (const list of LISTS.filter((l) => l !== "/api/orders" && l !== "/api/imports")) {
      failures.push(...refusal(await admin.get(`${list}?q=${encodeURIComponent("a\u0000b")}`), `${list}?q=a%00b`));
    }
    for (const list of SORTED_LISTS) failures.push(...refusal(await admin.get(`${list}?cursor=${encodeCursor("a\u0000b", newId())}`), `${list} cursor key with NUL`));
    expect(failures).toEqual([]);
  });

  it("refuses NUL bytes in text", async () => {
    const nul = "before\u0000after";
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ["POST", "/api/accounts", { name: nul, currency: "CNY" }],
      ["POST", "/api/accounts", { name: "Tags", currency: "CNY", tags: [nul] }],
      ["POST", "/api/accounts", { name: "Custom value", currency: "CNY", customFields: { note: nul } }],
      ["POST", "/api/accounts", { name: "Custom key", currency: "CNY", customFields: { [nul]: 1 } }],
      ["PATCH", `/api/accounts/${x.accountId}`, { legalName: nul, version: 1 }],
      ["POST", "/api/contacts", { accountId: x.accountId, name: nul }],
      ["POST", "/api/products", { sku: "NUL-1", name: nul }],
      ["POST", "/api/interactions", { accountId: x.accountId, type: "call", occurredAt: "2024-01-01T00:00:00Z", subject: nul }],
      ["POST", "/api/tasks", { title: nul }],
      ["POST", "/api/users", { email: "nul@example.test", name: nul, password: "long-enough-pw", role: "member" }],
      ["POST", "/api/tokens", { name: nul }],
      ["PATCH", "/api/organization", { name: nul, version: 1 }],
      ["PATCH", "/api/profile", { name: nul }],
    ];
    const failures: string[] = [];
    for (const [method, url, body] of cases.filter(([, u]) => has(u))) {
      failures.push(...refusal(await admin.request(method as "POST", url, body), `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`));
    }
    expect(failures).toEqual([]);
  });

  it("left the database unchanged", async () => {
    expect(await snapshotOrg(t.db, admin.orgId)).toEqual(before);
  });
});
