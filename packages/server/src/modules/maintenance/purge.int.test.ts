import { accounts, accountTierChanges, analysisResultBlocks, analysisRuns, contacts, orders, newId } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { resultRows, resultsFromRows, writeRunResults } from "../analytics/result-blocks";
import { resultValues } from "../analytics/result-figures";
import { OrderBookCache } from "../analytics/order-book-cache";
import { orderBookSnapshot } from "../analytics/order-book.repository";
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
      { orgId: c.orgId, id: boss, accountId: kept.id, name: "Old boss", nameKey: "old boss" },
      { orgId: c.orgId, id: report, accountId: kept.id, name: "Report", nameKey: "report", reportsToContactId: boss },
      { orgId: c.orgId, id: newId(), accountId: gone.id, name: "Of a gone account", nameKey: "of a gone account" },
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
    const forecastRunId = newId();
    for (const [id, kind] of [[runId, "pareto"], [soloRunId, "pareto"], [forecastRunId, "forecast"]] as const) {
      await orm.insert(analysisRuns).values({ orgId: c.orgId, id, kind, status: "succeeded", asOf: "2025-06-30", parameters: {}, scope: "organization", currency: "CNY", createdBy: c.userId, accountCount: 2 });
    }
    // Pareto's figures are float8s (rank, revenue, share, cumulative share), a forecast's JSON objects.
    const [first, second] = gone.id < kept.id ? [gone, kept] : [kept, gone];
    await writeRunResults(t.db, systemScope(c.orgId), runId, resultsFromRows(
      [{ accountId: first.id, grp: "A", rank: 1 }, { accountId: second.id, grp: "B", rank: 2 }],
      { width: 4, data: Float64Array.of(1, 9, 0.6, 0.6, 2, 6, 0.4, 1) },
    ));
    await writeRunResults(t.db, systemScope(c.orgId), forecastRunId, resultsFromRows([
      { accountId: gone.id, grp: null, rank: 1, values: { mape: 0.1 } },
      { accountId: kept.id, grp: null, rank: 2, values: { mape: 0.2 } },
    ]));
    // A run whose only result is the purged account's: its block goes, the run stays.
    await writeRunResults(t.db, systemScope(c.orgId), soloRunId, resultsFromRows([{ accountId: gone.id, grp: "A", rank: 1, values: { revenue: 9 } }]));
    await orm.insert(accountTierChanges).values([
      { orgId: c.orgId, id: newId(), accountId: gone.id, fromTier: "standard", toTier: "key", reason: "Promoted", runId, changedBy: c.userId },
      { orgId: c.orgId, id: newId(), accountId: kept.id, fromTier: "standard", toTier: "growth", reason: null, runId: null, changedBy: c.userId },
    ]);
    await orm.update(accounts).set({ deletedAt: sql`now() - interval '31 days'` as never }).where(eq(accounts.id, gone.id));

    expect(await purgeExpired(t.db)).toMatchObject({ accounts: 1 });
    const results = await t.db.rows(sql`select r.account_id, r.grp, r.rank from ${resultRows(systemScope(c.orgId), runId)} r`);
    expect(results).toEqual([{ account_id: kept.id, grp: kept === first ? "A" : "B", rank: kept === first ? 1 : 2 }]);
    const [block] = await orm.select({ figures: analysisResultBlocks.figures, values: analysisResultBlocks.values }).from(analysisResultBlocks).where(eq(analysisResultBlocks.runId, runId));
    expect(block!.values).toBeNull();
    expect(resultValues("pareto", { values: null, figures: block!.figures })).toEqual(kept === first ? { rank: 1, revenue: 9, share: 0.6, cumulativeShare: 0.6 } : { rank: 2, revenue: 6, share: 0.4, cumulativeShare: 1 });
    const forecast = await t.db.rows(sql`select r.account_id, r.values from ${resultRows(systemScope(c.orgId), forecastRunId, { values: true })} r`);
    expect(forecast).toEqual([{ account_id: kept.id, values: { mape: 0.2 } }]);
    const blocks = await orm.select({ runId: analysisResultBlocks.runId }).from(analysisResultBlocks).where(eq(analysisResultBlocks.orgId, c.orgId));
    expect(blocks.map((b) => b.runId).sort()).toEqual([runId, forecastRunId].sort());
    const history = await orm.select({ accountId: accountTierChanges.accountId }).from(accountTierChanges).where(eq(accountTierChanges.orgId, c.orgId));
    expect(history.map((h) => h.accountId)).toEqual([kept.id]);
    const runs = await orm.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.orgId, c.orgId));
    expect(runs.map((r) => r.id).sort()).toEqual([runId, soloRunId, forecastRunId].sort());
  });

  it("drops the stored order-book snapshot of an organization whose orders it purges, and only that one", async () => {
    const [purged, untouched] = [await t.newOrgWithUser("admin"), await t.newOrgWithUser("admin")];
    for (const c of [purged, untouched]) {
      const account = await buildAccount(t.db, c.orgId, { name: "Buyer" });
      await t.db.orm.insert(orders).values([
        { orgId: c.orgId, id: newId(), accountId: account.id, orderDate: "2026-01-01", currency: "CNY", amount: "10.00" },
        { orgId: c.orgId, id: newId(), accountId: account.id, orderDate: "2026-01-02", currency: "CNY", amount: "20.00", deletedAt: sql`now() - interval '${sql.raw(c === purged ? "40" : "10")} days'` as never },
      ]);
      await new OrderBookCache().get(t.db, systemScope(c.orgId));
      expect(await orderBookSnapshot(t.db, systemScope(c.orgId))).toBeDefined();
    }
    expect(await purgeExpired(t.db)).toMatchObject({ orders: 1 });
    expect(await orderBookSnapshot(t.db, systemScope(purged.orgId))).toBeUndefined();
    expect(await t.db.rows(sql`select 1 from order_book_snapshots where org_id = ${purged.orgId}`)).toEqual([]);
    expect(await orderBookSnapshot(t.db, systemScope(untouched.orgId))).toBeDefined();
    expect(await new OrderBookCache().get(t.db, systemScope(purged.orgId))).toMatchObject({ wholeFrom: "orders" });
  });
});
