import { accounts, accountTierChanges, analysisResultBlocks, analysisRuns, contacts, orders, newId } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { resultRows, writeRunResults } from "../analytics/result-blocks";
import { purgeExpired } from "./purge.repository";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("purge of soft-deleted records", () => {
  it("removes what was deleted more than 30 days ago, with its dependents, and keeps the rest", async () => {
    const c = await t.newOrgWithUser("admin");
    const orm = t.db.orm;
    const old = sql`now() - interval '31 days'`;
    const recent = sql`now() - interval '29 days'`;
    const gone = await buildAccount(t.db, c.orgId, { name: "Gone" });
    const kept = await buildAccount(t.db, c.orgId, { name: "Kept", parentAccountId: gone.id });
    const restorable = await buildAccount(t.db, c.orgId, { name: "Restorable" });
    const boss = newId();
    const report = newId();
    await orm.insert(contacts).values([
      { orgId: c.orgId, id: boss, accountId: kept.id, name: "Old boss" },
      { orgId: c.orgId, id: report, accountId: kept.id, name: "Report", reportsToContactId: boss },
      { orgId: c.orgId, id: newId(), accountId: gone.id, name: "Of a gone account" },
    ]);
    await orm.insert(orders).values([
      { orgId: c.orgId, id: newId(), accountId: gone.id, orderDate: "2026-01-01", currency: "CNY", amount: "10.00" },
      { orgId: c.orgId, id: newId(), accountId: kept.id, orderDate: "2026-01-02", currency: "CNY", amount: "20.00", deletedAt: sql`now() - interval '40 days'` as never },
      { orgId: c.orgId, id: newId(), accountId: kept.id, orderDate: "2026-01-03", currency: "CNY", amount: "30.00" },
    ]);
    await orm.update(accounts).set({ deletedAt: old as never }).where(eq(accounts.id, gone.id));
    await orm.update(accounts).set({ deletedAt: recent as never }).where(eq(accounts.id, restorable.id));
    await orm.update(contacts).set({ deletedAt: old as never }).where(eq(contacts.id, boss));

    const counts = await purgeExpired(t.db);
    expect(counts).toEqual({ accounts: 1, contacts: 2, orders: 2 });

    const left = await orm.select({ name: accounts.name, parent: accounts.parentAccountId }).from(accounts).where(eq(accounts.orgId, c.orgId));
    expect(left.map((a) => a.name).sort()).toEqual(["Kept", "Restorable"]);
    expect(left.find((a) => a.name === "Kept")?.parent).toBeNull();
    const people = await orm.select().from(contacts).where(eq(contacts.orgId, c.orgId));
    expect(people.map((p) => [p.name, p.reportsToContactId])).toEqual([["Report", null]]);
    const amounts = await orm.select({ amount: orders.amount }).from(orders).where(eq(orders.orgId, c.orgId));
    expect(amounts.map((o) => o.amount)).toEqual(["30.00"]);
    expect(await purgeExpired(t.db)).toEqual({ accounts: 0, contacts: 0, orders: 0 });
  });

  it("takes a purged account out of the analysis runs and its tier history, and keeps the runs", async () => {
    const c = await t.newOrgWithUser("admin");
    const orm = t.db.orm;
    const gone = await buildAccount(t.db, c.orgId, { name: "Gone" });
    const kept = await buildAccount(t.db, c.orgId, { name: "Kept" });
    const runId = newId();
    const soloRunId = newId();
    for (const id of [runId, soloRunId]) {
      await orm.insert(analysisRuns).values({ orgId: c.orgId, id, kind: "pareto", status: "succeeded", asOf: "2025-06-30", parameters: {}, scope: "organization", currency: "CNY", createdBy: c.userId, accountCount: 2 });
    }
    await writeRunResults(t.db, systemScope(c.orgId), runId, [
      { accountId: gone.id, grp: "A", rank: 1, values: { revenue: 9 } },
      { accountId: kept.id, grp: "B", rank: 2, values: { revenue: 5 } },
    ]);
    // A run whose only result is the purged account's: its block goes, the run stays.
    await writeRunResults(t.db, systemScope(c.orgId), soloRunId, [{ accountId: gone.id, grp: "A", rank: 1, values: { revenue: 9 } }]);
    await orm.insert(accountTierChanges).values([
      { orgId: c.orgId, id: newId(), accountId: gone.id, fromTier: "standard", toTier: "key", reason: "Promoted", runId, changedBy: c.userId },
      { orgId: c.orgId, id: newId(), accountId: kept.id, fromTier: "standard", toTier: "growth", reason: null, runId: null, changedBy: c.userId },
    ]);
    await orm.update(accounts).set({ deletedAt: sql`now() - interval '31 days'` as never }).where(eq(accounts.id, gone.id));

    expect(await purgeExpired(t.db)).toMatchObject({ accounts: 1 });
    const results = await t.db.rows(sql`select r.account_id, r.grp, r.rank, r.values from ${resultRows(systemScope(c.orgId), runId, { values: true })} r`);
    expect(results).toEqual([{ account_id: kept.id, grp: "B", rank: 2, values: { revenue: 5 } }]);
    expect(await orm.select({ runId: analysisResultBlocks.runId }).from(analysisResultBlocks).where(eq(analysisResultBlocks.orgId, c.orgId))).toEqual([{ runId }]);
    const history = await orm.select({ accountId: accountTierChanges.accountId }).from(accountTierChanges).where(eq(accountTierChanges.orgId, c.orgId));
    expect(history.map((h) => h.accountId)).toEqual([kept.id]);
    const runs = await orm.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.orgId, c.orgId));
    expect(runs.map((r) => r.id).sort()).toEqual([runId, soloRunId].sort());
  });
});
