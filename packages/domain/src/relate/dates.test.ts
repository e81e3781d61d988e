import { DateTime } from "luxon";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertTimeZone,
  dayOfIsoDate,
  daysBetweenIsoDates,
  endOfCalendarPeriod,
  isoWeekDates,
  isoWeekOf,
  shiftIsoDate,
  zonedDateOf,
} from "./dates";

const at = (iso: string) => new Date(iso);

describe("assertTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(() => assertTimeZone("Europe/Berlin")).not.toThrow();
    expect(() => assertTimeZone("UTC")).not.toThrow();
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(RangeError);
    expect(() => assertTimeZone("")).toThrow(/not an IANA time zone/);
  });
});

describe("zonedDateOf", () => {
  it("takes the date of the organization's zone, not UTC's", () => {
    expect(zonedDateOf(at("2025-03-31T22:30:00Z"), "Europe/Berlin")).toBe("2025-04-01");
    expect(zonedDateOf(at("2025-03-31T22:30:00Z"), "America/New_York")).toBe("2025-03-31");
    expect(zonedDateOf(at("2025-03-31T22:30:00Z"), "UTC")).toBe("2025-03-31");
  });
  it("refuses an invalid date", () => {
    expect(() => zonedDateOf(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it("shifts across month ends and leap days", () => {
    expect(shiftIsoDate("2024-02-28", 1)).toBe("2024-02-29");
    expect(shiftIsoDate("2025-02-28", 1)).toBe("2025-03-01");
    expect(shiftIsoDate("2025-01-10", -11)).toBe("2024-12-30");
    expect(daysBetweenIsoDates("2025-03-31", "2025-04-02")).toBe(2);
    expect(daysBetweenIsoDates("2025-04-02", "2025-03-31")).toBe(-2);
  });
  it("reads only strict, possible YYYY-MM-DD dates", () => {
    expect(dayOfIsoDate("1970-01-02")).toBe(1);
    for (const bad of ["2025-02-30", "2025-2-3", "20250203", "2025-03-01T10:00", ""]) expect(() => dayOfIsoDate(bad)).toThrow(RangeError);
  });
});

describe("endOfCalendarPeriod", () => {
  it("ends quarters and half-years on their last day", () => {
    expect(endOfCalendarPeriod("2025-02-10", "quarter")).toBe("2025-03-31");
    expect(endOfCalendarPeriod("2025-03-31", "quarter")).toBe("2025-03-31");
    expect(endOfCalendarPeriod("2025-04-01", "quarter")).toBe("2025-06-30");
    expect(endOfCalendarPeriod("2025-02-10", "quarter", 1)).toBe("2025-06-30");
    expect(endOfCalendarPeriod("2025-11-15", "quarter", 1)).toBe("2026-03-31");
    expect(endOfCalendarPeriod("2025-05-01", "half_year")).toBe("2025-06-30");
    expect(endOfCalendarPeriod("2025-05-01", "half_year", 1)).toBe("2025-12-31");
    expect(endOfCalendarPeriod("2025-07-01", "half_year", 1)).toBe("2026-06-30");
  });
  it("property: the end is on or after the date, within the period, and the last day of a quarter month", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), fc.constantFrom("quarter" as const, "half_year" as const), (date, period) => {
        const iso = date.toISOString().slice(0, 10);
        const end = endOfCalendarPeriod(iso, period);
        const span = daysBetweenIsoDates(iso, end);
        expect(span).toBeGreaterThanOrEqual(0);
        expect(span).toBeLessThan(period === "quarter" ? 92 : 184);
        expect(shiftIsoDate(end, 1).slice(8)).toBe("01");
        expect(Number(end.slice(5, 7)) % (period === "quarter" ? 3 : 6)).toBe(0);
      }),
    );
  });
});

describe("ISO weeks", () => {
  it("names the week of an instant in the zone, with ISO week years", () => {
    expect(isoWeekOf(at("2025-01-01T12:00:00Z"), "UTC")).toBe("2025-W01");
    expect(isoWeekOf(at("2024-12-30T12:00:00Z"), "UTC")).toBe("2025-W01");
    expect(isoWeekOf(at("2021-01-03T12:00:00Z"), "UTC")).toBe("2020-W53");
    // Sunday night in UTC is already Monday morning in Berlin.
    expect(isoWeekOf(at("2025-03-30T23:30:00Z"), "UTC")).toBe("2025-W13");
    expect(isoWeekOf(at("2025-03-30T23:30:00Z"), "Europe/Berlin")).toBe("2025-W14");
  });
  it("gives Monday and Sunday of a week", () => {
    expect(isoWeekDates("2025-W14")).toEqual({ firstDay: "2025-03-31", lastDay: "2025-04-06" });
    expect(isoWeekDates("2020-W53")).toEqual({ firstDay: "2020-12-28", lastDay: "2021-01-03" });
    expect(isoWeekDates("2025-W01")).toEqual({ firstDay: "2024-12-30", lastDay: "2025-01-05" });
  });
  it("refuses weeks a year does not have and other spellings", () => {
    for (const bad of ["2025-W53", "2025-W00", "2025-W99", "2025-14", "2025-W5", "W14"]) expect(() => isoWeekDates(bad)).toThrow(RangeError);
  });
  it("property: the week of a day holds that day", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        const { firstDay, lastDay } = isoWeekDates(isoWeekOf(date, "UTC"));
        expect(firstDay <= day && day <= lastDay).toBe(true);
        expect(daysBetweenIsoDates(firstDay, lastDay)).toBe(6);
      }),
    );
  });
});

describe("zonedDateOf agrees with luxon", () => {
  it("for any instant from 1971 to 2100 in zones with and without daylight saving", () => {
    const zones = ["UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/St_Johns"];
    fc.assert(fc.property(fc.integer({ min: 31_536_000_000, max: 4_102_444_800_000 }), fc.constantFrom(...zones), (ms, zone) => {
      const instant = new Date(ms);
      expect(zonedDateOf(instant, zone)).toBe(DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd"));
    }), { numRuns: 3000 });
  });
});
