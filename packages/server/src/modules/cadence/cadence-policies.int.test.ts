import { DEFAULT_CADENCE_POLICIES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let director: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  director = await t.newUser(admin.orgId, "director");
});
afterAll(async () => t?.close());

const policies = (c: Client) => c.get("/api/cadence/policies");
const tierOf = async (c: Client, tier: string) => (await policies(c)).json().items.find((p: { tier: string }) => p.tier === tier);
const put = (c: Client, tier: string, body: unknown, headers?: Record<string, string>) => c.put(`/api/cadence/policies/${tier}`, body, headers);

describe("cadence policies per tier", () => {
  it("start from the defaults, for every role to read", async () => {
    const viewer = await t.newUser(admin.orgId, "viewer");
    const res = await policies(viewer);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(
      (["strategic", "key", "growth", "standard"] as const).map((tier) => ({
        tier, policy: DEFAULT_CADENCE_POLICIES[tier], defaults: DEFAULT_CADENCE_POLICIES[tier], overrides: {}, updatedAt: null, version: 0,
      })),
    );
  });

  it("let a director override some kinds and keep the defaults of the others, with an audit trail", async () => {
    const res = await put(director, "growth", { visit: 45, executive_meeting: 120, qbr: null, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      tier: "growth",
      policy: { visit: 45, executive_meeting: 120, qbr: null },
      defaults: DEFAULT_CADENCE_POLICIES.growth,
      overrides: { visit: 45, executive_meeting: 120, qbr: null },
      version: 1,
    });

    const changed = await put(director, "growth", { qbr: "quarterly" }, { "if-match": '"1"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ policy: { visit: 90, executive_meeting: null, qbr: "quarterly" }, overrides: { qbr: "quarterly" }, version: 2 });
    expect(await tierOf(admin, "growth")).toEqual(changed.json());
    expect((await tierOf(admin, "key")).version).toBe(0);

    const history = await t.db.rows<{ action: string; after: { tier: string; version: number } }>(
      sql`select action, after from audit_log where org_id = ${admin.orgId} and entity_type = 'cadence_policy' order by id`,
    );
    expect(history.map((h) => [h.action, h.after.tier, h.after.version])).toEqual([["create", "growth", 1], ["update", "growth", 2]]);
  });

  it("are set by admins and directors only", async () => {
    expect((await put(admin, "standard", { visit: 120, version: 0 })).statusCode).toBe(200);
    for (const role of ["account_manager", "member", "viewer"] as const) {
      const c = await t.newUser(admin.orgId, role);
      const res = await put(c, "standard", { visit: 7, version: 1 });
      expect(res.statusCode, role).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect((await policies(c)).statusCode, role).toBe(200);
    }
    expect((await tierOf(admin, "standard")).policy.visit).toBe(120);
  });

  it("refuse a stale If-Match with 412, a stale version with 409 and no version at all with 400", async () => {
    expect((await put(director, "key", { visit: 50, version: 0 })).statusCode).toBe(200);
    const stale = await put(admin, "key", { visit: 40 }, { "if-match": '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: "PRECONDITION_FAILED", current: { tier: "key", policy: { visit: 50 }, version: 1 } });
    const conflict = await put(admin, "key", { visit: 40, version: 0 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe("VERSION_CONFLICT");
    const missing = await put(admin, "key", { visit: 40 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: "version", message: "Required" }]);
    expect((await tierOf(admin, "key")).policy.visit).toBe(50);
  });

  it("let exactly one of several first settings of a tier win", async () => {
    const results = await Promise.all([30, 31, 32, 33, 34].map((visit) => put(director, "strategic", { visit, version: 0 })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(await tierOf(admin, "strategic")).toEqual(winner);
  });

  it("answer invalid tiers and intervals with 400 problems naming the field, never 500", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["platinum", { visit: 30, version: 0 }, "params.tier"],
      ["key", { visit: 0, version: 1 }, "body.visit"],
      ["key", { visit: -5, version: 1 }, "body.visit"],
      ["key", { executive_meeting: 1.5, version: 1 }, "body.executive_meeting"],
      ["key", { visit: 3661, version: 1 }, "body.visit"],
      ["key", { qbr: "weekly", version: 1 }, "body.qbr"],
      ["key", { visit: "30", version: 1 }, "body.visit"],
      ["key", { call: 10, version: 1 }, "body"],
      ["key", { visit: 30, version: -1 }, "body.version"],
    ];
    for (const [tier, body, field] of cases) {
      const res = await put(admin, tier, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toContain(field);
    }
    const negative = await put(admin, "key", { visit: -5, version: 1 });
    expect(negative.json().errors[0].message).toBe('Use a whole number of days from 1 to 3660, "quarterly" or "half_yearly"');
    expect((await tierOf(admin, "key")).policy.visit).toBe(50);
  });

  it("belong to one organization", async () => {
    const other = await t.newOrgWithUser("admin");
    expect((await tierOf(other, "growth")).version).toBe(0);
    expect((await put(other, "growth", { visit: 10, version: 2 })).statusCode).toBe(409);
    expect((await tierOf(admin, "growth")).policy.qbr).toBe("quarterly");
  });
});

describe("the stored overrides", () => {
  it("cannot hold what the rules refuse, whoever writes them", async () => {
    for (const intervals of ['{"visit": 0}', '{"visit": "weekly"}', '{"call": 10}', '{"visit": [30]}', "[]"]) {
      await expect(
        t.db.rows(sql`insert into cadence_policies (org_id, tier, intervals) values (${admin.orgId}, 'growth', ${intervals}::jsonb) on conflict (org_id, tier) do update set intervals = excluded.intervals`),
        intervals,
      ).rejects.toThrow(/cadence_policies_intervals_check/);
    }
  });
});
