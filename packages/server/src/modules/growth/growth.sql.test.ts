import { createRecordingDatabase } from "@openkam/db/testing/recording-database";
import { describe, expect, it } from "vitest";
import { stageTotalsOf } from "./opportunities.repository";
import { listWhitespaceProducts } from "./whitespace.repository";

const SCOPE = { orgId: "0190a000-0000-7000-8000-000000000001", userId: "0190a000-0000-7000-8000-000000000002", role: "account_manager" as const };
const ACCOUNT = "0190a000-0000-7000-8000-000000000003";

/** The pipeline totals and the whitespace rows, kept in files so that a change to them shows up in review. */
describe("growth SQL", () => {
  it("totals the visible pipeline by stage and currency in one statement", async () => {
    const { db, queries } = createRecordingDatabase();
    await stageTotalsOf(db, SCOPE, { open: true, q: "acme" });
    expect(queries).toHaveLength(1);
    await expect(queries[0]!.text).toMatchFileSnapshot("./__sql__/stage-totals.sql");
  });

  it("reads the whitespace rows with the last order in the look-back in one statement", async () => {
    const { db, queries } = createRecordingDatabase();
    await listWhitespaceProducts(db, SCOPE, ACCOUNT, "2024-11-24");
    expect(queries).toHaveLength(1);
    await expect(queries[0]!.text).toMatchFileSnapshot("./__sql__/whitespace-products.sql");
    expect(queries[0]!.params).toContain("2024-11-24");
  });

  it("refuses to run without an organization", async () => {
    const { db } = createRecordingDatabase();
    await expect(stageTotalsOf(db, { ...SCOPE, orgId: "" }, {})).rejects.toThrow(/tenant scope missing/);
  });
});
