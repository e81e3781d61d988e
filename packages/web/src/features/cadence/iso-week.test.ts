import { isoWeekDates as domainWeekDates } from "@openkam/domain/relate/dates";
import { describe, expect, it } from "vitest";
import { isIsoWeek, isoWeekDates, isoWeekNumber, isoWeekOfDate, shiftIsoWeek } from "./iso-week";

describe("ISO weeks", () => {
  it("gives Monday and Sunday of a week, including weeks that start in the previous year", () => {
    expect(isoWeekDates("2026-W10")).toEqual({ firstDay: "2026-03-02", lastDay: "2026-03-08" });
    expect(isoWeekDates("2026-W01")).toEqual({ firstDay: "2025-12-29", lastDay: "2026-01-04" });
    expect(isoWeekDates("2021-W01")).toEqual({ firstDay: "2021-01-04", lastDay: "2021-01-10" });
  });

  it("knows which years have a week 53", () => {
    expect(isIsoWeek("2020-W53")).toBe(true);
    expect(isIsoWeek("2026-W53")).toBe(true);
    expect(isIsoWeek("2025-W53")).toBe(false);
    expect(isIsoWeek("2025-W00")).toBe(false);
    expect(isIsoWeek("2025-W1")).toBe(false);
    expect(isIsoWeek("next week")).toBe(false);
    expect(isoWeekDates("2025-W53")).toBeNull();
  });

  it("finds the week of a date near the turn of the year", () => {
    expect(isoWeekOfDate("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOfDate("2021-01-03")).toBe("2020-W53");
    expect(isoWeekOfDate("2026-03-08")).toBe("2026-W10");
    expect(isoWeekOfDate("2026-03-09")).toBe("2026-W11");
  });

  it("steps to the previous and next week across year ends", () => {
    expect(shiftIsoWeek("2026-W10", 1)).toBe("2026-W11");
    expect(shiftIsoWeek("2026-W10", -1)).toBe("2026-W09");
    expect(shiftIsoWeek("2025-W52", 1)).toBe("2026-W01");
    expect(shiftIsoWeek("2021-W01", -1)).toBe("2020-W53");
    expect(shiftIsoWeek("2020-W53", 1)).toBe("2021-W01");
    expect(shiftIsoWeek("2026-W01", -1)).toBe("2025-W52");
    expect(shiftIsoWeek("garbage", 1)).toBe("garbage");
  });

  it("agrees with the server's reading of every week from 2015 to 2035", () => {
    for (let year = 2015; year <= 2035; year++) {
      for (let week = 1; week <= 53; week++) {
        const name = `${year}-W${String(week).padStart(2, "0")}`;
        let expected: { firstDay: string; lastDay: string } | null;
        try {
          expected = domainWeekDates(name);
        } catch {
          expected = null;
        }
        expect(isoWeekDates(name), name).toEqual(expected);
      }
    }
  });

  it("reads the week's number", () => {
    expect(isoWeekNumber("2026-W09")).toBe(9);
    expect(isoWeekNumber("2020-W53")).toBe(53);
  });
});
