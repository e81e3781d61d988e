import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import { listMapContacts, listMapRelationships } from "./stakeholders.repository";

const SCOPE = { orgId: "0190a000-0000-7000-8000-000000000001", userId: "0190a000-0000-7000-8000-000000000002", role: "admin" as const };
const ACCOUNT = "0190a000-0000-7000-8000-000000000003";
const NOW = new Date("2026-11-24T09:30:00Z");

/** The two statements behind the stakeholder map, kept in files so that a change to them shows up in review. */
describe("stakeholder map SQL", () => {
  it("reads the contacts with their last attended interaction in one statement", async () => {
    const { db, queries } = createRecordingDatabase();
    await listMapContacts(db, SCOPE, ACCOUNT, NOW);
    expect(queries).toHaveLength(1);
    await expect(queries[0]!.text).toMatchFileSnapshot("./__sql__/list-map-contacts.sql");
    expect(queries[0]!.params).toContain(NOW.toISOString());
  });

  it("reads the relationships of active members in one statement", async () => {
    const { db, queries } = createRecordingDatabase();
    await listMapRelationships(db, SCOPE, ACCOUNT);
    expect(queries).toHaveLength(1);
    await expect(queries[0]!.text).toMatchFileSnapshot("./__sql__/list-map-relationships.sql");
  });

  it("refuses to run without an organization", async () => {
    const { db } = createRecordingDatabase();
    await expect(listMapContacts(db, { ...SCOPE, orgId: "" }, ACCOUNT, NOW)).rejects.toThrow(/tenant scope missing/);
  });
});
