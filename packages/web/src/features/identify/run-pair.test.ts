import type { TAnalysisRun } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { defaultPair } from "./run-pair";

const run = (id: string, asOf: string, createdAt: string) => ({ id, asOf, createdAt }) as TAnalysisRun;
// Newest first, as the API lists them: "late" was created last but analyses an earlier date.
const runs = [run("late", "2026-01-31", "2026-04-02T00:00:00Z"), run("mar", "2026-03-31", "2026-04-01T00:00:00Z"), run("feb", "2026-02-28", "2026-03-01T00:00:00Z")];

describe("defaultPair", () => {
  it("compares the two latest analysis dates when no run is named", () => {
    expect(defaultPair(runs, null, null)).toEqual({ fromId: "feb", toId: "mar" });
  });

  it("compares a named run with the one analysed just before it, or just after it", () => {
    expect(defaultPair(runs, null, "mar")).toEqual({ fromId: "feb", toId: "mar" });
    expect(defaultPair(runs, "late", null)).toEqual({ fromId: "late", toId: "feb" });
  });

  it("falls back to any other run at the ends, and keeps an explicit pair", () => {
    expect(defaultPair(runs, null, "late")).toEqual({ fromId: "mar", toId: "late" });
    expect(defaultPair(runs, "mar", null)).toEqual({ fromId: "mar", toId: "feb" });
    expect(defaultPair(runs, "mar", "feb")).toEqual({ fromId: "mar", toId: "feb" });
    expect(defaultPair([runs[0]!], null, null)).toEqual({ fromId: null, toId: "late" });
  });
});
