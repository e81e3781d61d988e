import { ZListAccountsQuery } from "@openkam/contracts";
import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import type { Scope } from "../../tenancy/scope";
import { encodeCursor } from "../../http/cursor";
import { listAccounts } from "./accounts.repository";

const ORG = "0190a000-0000-7000-8000-000000000001";
const USER = "0190a000-0000-7000-8000-000000000002";

async function sqlOf(scope: Scope, query: Record<string, unknown>) {
  const { db, queries } = createRecordingDatabase();
  await listAccounts(db, scope, ZListAccountsQuery.parse(query));
  return queries[0]!;
}

/** The SQL the accounts list sends, kept in a file so that a change to it shows up in review. */
describe("accounts list SQL", () => {
  it("for a director: tenant filter, filters, keyset and order", async () => {
    const q = await sqlOf({ orgId: ORG, userId: USER, role: "director" }, {
      tier: ["strategic", "key"], q: "华信", sort: "-updatedAt", limit: "50", cursor: encodeCursor("2026-01-01 00:00:00+00", ORG),
    });
    await expect(q.text).toMatchFileSnapshot("./__sql__/list-accounts.director.sql");
    expect(q.params).toContain(ORG);
  });

  it("for an account manager: restricted to the accounts whose team they are on or that they own", async () => {
    const q = await sqlOf({ orgId: ORG, userId: USER, role: "account_manager" }, {});
    await expect(q.text).toMatchFileSnapshot("./__sql__/list-accounts.account-manager.sql");
    expect(q.params.filter((p) => p === USER)).toHaveLength(2);
    expect(q.text).toContain('"accounts"."owner_user_id" is not distinct from ');
  });

  it("refuses to run without an organization", async () => {
    await expect(sqlOf({ orgId: "", userId: USER, role: "admin" }, {})).rejects.toThrow(/tenant scope missing/);
  });
});
