import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import type { Scope } from "../../tenancy/scope";
import { aggregateAccounts } from "./analytics.repository";

const ORG = "0190a000-0000-7000-8000-000000000001";
const USER = "0190a000-0000-7000-8000-000000000002";

async function sqlOf(scope: Scope) {
  const { db, queries } = createRecordingDatabase();
  await aggregateAccounts(db, scope, { asOf: "2025-06-30", windowDays: 365, currency: "CNY" });
  return queries[0]!;
}

/** The one grouped query behind the account-level runs, kept in a file so that a change to it shows up in review. */
describe("analysis aggregate SQL", () => {
  it("for the organization: one pass over the orders, grouped by account, joined to every analysed account", async () => {
    const q = await sqlOf({ orgId: ORG, userId: null, role: "admin" });
    await expect(q.text).toMatchFileSnapshot("./__sql__/aggregate-accounts.organization.sql");
    expect(q.params).toContain(ORG);
    expect(q.text.match(/from "orders"/g)).toHaveLength(1);
  });

  it("for an account manager's run: restricted to the accounts they work on", async () => {
    const q = await sqlOf({ orgId: ORG, userId: USER, role: "account_manager" });
    await expect(q.text).toMatchFileSnapshot("./__sql__/aggregate-accounts.own-accounts.sql");
    expect(q.params).toContain(USER);
  });
});
