import { analysisRuns, newId } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let director: Client;

beforeAll(async () => {
  t = await createTestApp();
  director = await t.newOrgWithUser("director");
});
afterAll(async () => t?.close());

const historyOf = async (c: Client, id: string) => (await c.get(`/api/accounts/${id}/tier-history`)).json().items as Array<Record<string, unknown>>;

describe("tier changes", () => {
  it("promotes with a reason and a run, and keeps who, when and why in the tier history", async () => {
    const account = await buildAccount(t.db, director.orgId, { name: "Promoted Ltd", tier: "growth" });
    const runId = newId();
    await t.db.orm.insert(analysisRuns).values({
      orgId: director.orgId, id: runId, kind: "selection", status: "succeeded", asOf: "2025-06-30", parameters: {}, scope: "organization", currency: "CNY", createdBy: director.userId,
    });
    const res = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Revenue above 1M for 3 years", runId, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ tier: "key", version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const [change, ...rest] = await historyOf(director, account.id);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ fromTier: "growth", toTier: "key", reason: "Revenue above 1M for 3 years", runId, changedBy: { id: director.userId, name: expect.any(String) } });
    expect(Date.now() - Date.parse(change!.changedAt as string)).toBeLessThan(60_000);
  });

  it("records a tier changed by a plain edit, without a reason, newest first", async () => {
    const account = await buildAccount(t.db, director.orgId, { name: "Edited Ltd" });
    expect((await director.patch(`/api/accounts/${account.id}`, { industry: "Energy", version: 1 })).statusCode).toBe(200);
    expect(await historyOf(director, account.id)).toEqual([]);
    expect((await director.patch(`/api/accounts/${account.id}`, { tier: "strategic", version: 2 })).statusCode).toBe(200);
    expect((await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Scaled back" })).statusCode).toBe(200);
    const history = await historyOf(director, account.id);
    expect(history.map((h) => [h.fromTier, h.toTier, h.reason, h.runId])).toEqual([
      ["strategic", "key", "Scaled back", null],
      ["standard", "strategic", null, null],
    ]);
  });

  it("changes nothing and records nothing when the tier is already the one asked for", async () => {
    const account = await buildAccount(t.db, director.orgId, { tier: "key" });
    const res = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Confirmed" });
    expect(res.json()).toMatchObject({ tier: "key", version: 1 });
    expect(await historyOf(director, account.id)).toEqual([]);
  });

  it("refuses a stale version (409 in the body, 412 in If-Match), a missing reason and an unknown run", async () => {
    const account = await buildAccount(t.db, director.orgId, { version: 3 });
    const stale = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Late", version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "VERSION_CONFLICT", current: { version: 3, tier: "standard" } });
    expect((await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Late" }, { "if-match": '"2"' })).statusCode).toBe(412);
    const noReason = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe("body.reason");
    const tooLong = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "x".repeat(501) });
    expect(tooLong.statusCode).toBe(400);
    const unknownRun = await director.post(`/api/accounts/${account.id}/tier`, { tier: "key", reason: "Because", runId: newId() });
    expect(unknownRun.statusCode).toBe(400);
    expect(unknownRun.json().errors[0].field).toBe("runId");
    expect(await historyOf(director, account.id)).toEqual([]);
  });

  it("lets only directors and admins move accounts into the key tiers, and hides other people's accounts", async () => {
    const manager = await t.newUser(director.orgId, "account_manager");
    const own = await buildAccount(t.db, director.orgId, { ownerUserId: manager.userId });
    expect((await manager.post(`/api/accounts/${own.id}/tier`, { tier: "key", reason: "Mine" })).statusCode).toBe(403);
    expect((await manager.post(`/api/accounts/${own.id}/tier`, { tier: "growth", reason: "Growing" })).statusCode).toBe(200);
    const viewer = await t.newUser(director.orgId, "viewer");
    expect((await viewer.post(`/api/accounts/${own.id}/tier`, { tier: "standard", reason: "No" })).statusCode).toBe(403);
    const hidden = await buildAccount(t.db, director.orgId);
    expect((await manager.post(`/api/accounts/${hidden.id}/tier`, { tier: "growth", reason: "Peek" })).statusCode).toBe(404);
    expect((await manager.get(`/api/accounts/${hidden.id}/tier-history`)).statusCode).toBe(404);
    expect((await manager.get(`/api/accounts/${own.id}/tier-history`)).json().items).toHaveLength(1);
  });
});
