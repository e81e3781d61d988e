import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueOccurrence, latestOccurrence, nextOccurrences, occurrenceOf } from "./schedule";

describe("survey schedules", () => {
  it("repeat on the same day of the month, on the last day when the month is shorter", () => {
    const rule = { recurrence: "monthly" as const, startsOn: "2026-01-31" };
    expect([0, 1, 2, 3].map((k) => occurrenceOf(rule, k))).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(occurrenceOf({ recurrence: "yearly", startsOn: "2024-02-29" }, 1)).toBe("2025-02-28");
    expect(occurrenceOf({ recurrence: "quarterly", startsOn: "2026-11-15" }, 1)).toBe("2027-02-15");
  });

  it("find the latest send date on or before a date, null before the start", () => {
    const rule = { recurrence: "quarterly" as const, startsOn: "2026-01-15" };
    expect(latestOccurrence(rule, "2026-01-14")).toBeNull();
    expect(latestOccurrence(rule, "2026-01-15")).toBe("2026-01-15");
    expect(latestOccurrence(rule, "2026-04-14")).toBe("2026-01-15");
    expect(latestOccurrence(rule, "2026-04-15")).toBe("2026-04-15");
    expect(latestOccurrence(rule, "2027-12-31")).toBe("2027-10-15");
    expect(latestOccurrence({ recurrence: "monthly", startsOn: "2026-01-31" }, "2026-03-30")).toBe("2026-02-28");
  });

  it("list the next send dates after a date", () => {
    expect(nextOccurrences({ recurrence: "quarterly", startsOn: "2026-01-01" }, "2026-05-10", 3)).toEqual(["2026-07-01", "2026-10-01", "2027-01-01"]);
    expect(nextOccurrences({ recurrence: "half_yearly", startsOn: "2026-06-01" }, "2026-01-01", 2)).toEqual(["2026-06-01", "2026-12-01"]);
    expect(nextOccurrences({ recurrence: "monthly", startsOn: "2026-01-01" }, "2026-01-01", 1)).toEqual(["2026-02-01"]);
  });

  it("are due from 09:00 in the organization's zone, once per send date, the latest only", () => {
    const rule = { recurrence: "quarterly" as const, startsOn: "2026-04-01", lastOccurrence: null };
    // 00:30 UTC on 1 April is 08:30 in Shanghai: not yet.
    expect(dueOccurrence(rule, new Date("2026-04-01T00:30:00Z"), "Asia/Shanghai")).toBeNull();
    expect(dueOccurrence(rule, new Date("2026-04-01T01:00:00Z"), "Asia/Shanghai")).toBe("2026-04-01");
    // 23:30 UTC on 31 March is already 1 April 07:30 in Shanghai, but 31 March in UTC.
    expect(dueOccurrence(rule, new Date("2026-03-31T23:30:00Z"), "UTC")).toBeNull();
    expect(dueOccurrence({ ...rule, lastOccurrence: "2026-04-01" }, new Date("2026-05-01T05:00:00Z"), "Asia/Shanghai")).toBeNull();
    expect(dueOccurrence({ ...rule, lastOccurrence: "2026-04-01" }, new Date("2027-01-02T05:00:00Z"), "Asia/Shanghai")).toBe("2027-01-01");
  });

  it("never list a date before the start or out of order (property)", () => {
    const rules = fc.record({
      recurrence: fc.constantFrom("monthly" as const, "quarterly" as const, "half_yearly" as const, "yearly" as const),
      startsOn: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    });
    const dates = fc.date({ min: new Date("2019-01-01"), max: new Date("2032-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(rules, dates, (rule, date) => {
      const next = nextOccurrences(rule, date, 4);
      expect(next[0]! > date && next[0]! >= rule.startsOn).toBe(true);
      for (let i = 1; i < next.length; i++) expect(next[i]! > next[i - 1]!).toBe(true);
      const latest = latestOccurrence(rule, date);
      if (latest !== null) expect(latest <= date && latest < next[0]!).toBe(true);
    }));
  });
});
