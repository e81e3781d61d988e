import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import type { Scope } from "../../tenancy/scope";
import { listCadenceAccounts, type CadenceAccountFilter } from "./cadence.repository";

const ORG = "0190a000-0000-7000-8000-000000000001";
const USER = "0190a000-0000-7000-8000-000000000002";
const NOW = new Date("2026-11-24T09:30:00Z");

async function sqlOf(scope: Scope, filter: CadenceAccountFilter) {
  const { db, queries } = createRecordingDatabase();
  await listCadenceAccounts(db, scope, { now: NOW, timeZone: "Europe/Berlin", filter });
  expect(queries).toHaveLength(1);
  return queries[0]!;
}

/** The one statement behind the overdue list and the week agenda, kept in a file so that a change to it shows up in review. */
describe("cadence accounts SQL", () => {
  it("for a director's overdue list: every worked account, the last interaction per kind aggregated in one pass", async () => {
    const q = await sqlOf({ orgId: ORG, userId: USER, role: "director" }, { tiers: ["strategic", "key"], ownerUserId: USER, workedOnly: true });
    await expect(q.text).toMatchFileSnapshot("./__sql__/list-cadence-accounts.director.sql");
    expect(q.params).toContain(NOW.toISOString());
    expect(q.params).toContain("Europe/Berlin");
  });

  it("for an agenda: only the accounts the user owns or is on the team of, even for a director", async () => {
    const q = await sqlOf({ orgId: ORG, userId: USER, role: "director" }, { workedOnByMe: true, workedOnly: true });
    await expect(q.text).toMatchFileSnapshot("./__sql__/list-cadence-accounts.my-week.sql");
    expect(q.text).toContain('"accounts"."owner_user_id" is not distinct from ');
    expect(q.params.filter((p) => p === USER)).toHaveLength(2);
  });

  it("refuses to run without an organization", async () => {
    await expect(sqlOf({ orgId: "", userId: USER, role: "admin" }, {})).rejects.toThrow(/tenant scope missing/);
  });
});
