import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import type { Scope } from "../../tenancy/scope";
import { analysedAccounts } from "./analytics.repository";
import { packedOrderSegments } from "./order-book.repository";

const ORG = "0190a000-0000-7000-8000-000000000001";
const USER = "0190a000-0000-7000-8000-000000000002";
const admin: Scope = { orgId: ORG, userId: null, role: "admin" };

async function sqlOf(read: (db: ReturnType<typeof createRecordingDatabase>["db"]) => Promise<unknown>, kind: "postgres" | "pglite" = "postgres") {
  const { db, queries } = createRecordingDatabase(kind);
  await read(db);
  return queries[0]!;
}

/** The reads behind the account-level runs, kept in files so that a change to them shows up in review. */
describe("analysis SQL", () => {
  it("reads the order book in one pass over the organization's counted orders, one row per account and currency", async () => {
    const q = await sqlOf((db) => packedOrderSegments(db, admin));
    await expect(q.text).toMatchFileSnapshot("./__sql__/order-book.sql");
    expect(q.params).toContain(ORG);
    expect(q.text.match(/from "orders"/g)).toHaveLength(1);
  });

  it("reads every analysed account of the organization", async () => {
    const q = await sqlOf((db) => analysedAccounts(db, admin, ["tier", "industry", "region", "strategicImportance", "estimatedTotalSpend", "openPipeline"]));
    await expect(q.text).toMatchFileSnapshot("./__sql__/analysed-accounts.organization.sql");
    expect(q.params).toContain(ORG);
  });

  it("on the embedded engine: the same accounts as one JSON array, in id order", async () => {
    const q = await sqlOf((db) => analysedAccounts(db, admin, ["tier", "industry", "region", "strategicImportance", "estimatedTotalSpend", "openPipeline"]), "pglite");
    await expect(q.text).toMatchFileSnapshot("./__sql__/analysed-accounts.organization.embedded.sql");
    expect(q.params).toContain(ORG);
  });

  it("for an account manager's run: restricted to the accounts they work on", async () => {
    const q = await sqlOf((db) => analysedAccounts(db, { orgId: ORG, userId: USER, role: "account_manager" }, []));
    await expect(q.text).toMatchFileSnapshot("./__sql__/analysed-accounts.own-accounts.sql");
    expect(q.params).toContain(USER);
  });
});
