import { describe, expect, it } from "vitest";
import { describeConflict, keepMine } from "./conflict";

const base = { name: "Acme", industry: "Energy", region: "East", tags: ["a"], version: 1, updatedAt: "t1" };

describe("describeConflict", () => {
  it("lists clashes first, then fields only one side changed, ignoring bookkeeping fields", () => {
    const current = { ...base, name: "ACME Group", region: "North", version: 2, updatedAt: "t2" };
    const rows = describeConflict(base, { name: "Acme Ltd", industry: "Utilities" }, current);
    expect(rows.map((r) => [r.field, r.clash, r.iChanged, r.theyChanged])).toEqual([
      ["name", true, true, true],
      ["industry", false, true, false],
      ["region", false, false, true],
    ]);
    expect(rows[0]).toMatchObject({ base: "Acme", mine: "Acme Ltd", theirs: "ACME Group" });
    expect(rows[2]).toMatchObject({ mine: "East", theirs: "North" });
  });

  it("is no clash when both made the same change, and compares arrays by value", () => {
    const current = { ...base, name: "Acme Ltd", tags: ["a"], version: 2 };
    const rows = describeConflict(base, { name: "Acme Ltd", tags: ["a"] }, current);
    expect(rows).toEqual([expect.objectContaining({ field: "name", clash: false, iChanged: true, theyChanged: true })]);
  });

  it("treats null and missing alike", () => {
    expect(describeConflict({ a: null as string | null }, {}, { a: undefined as unknown as string | null })).toEqual([]);
  });
});

describe("keepMine", () => {
  it("re-sends only the fields the user changed, on the current version", () => {
    expect(keepMine(base, { name: "Acme Ltd", industry: "Energy", region: "East" }, { version: 5 })).toEqual({ name: "Acme Ltd", version: 5 });
  });
});
