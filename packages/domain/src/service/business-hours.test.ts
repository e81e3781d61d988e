import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shiftIsoDate } from "../relate/dates";
import {
  STANDARD_WEEKLY_HOURS,
  WEEKDAYS,
  addBusinessMinutes,
  countBusinessMinutes,
  defineBusinessCalendar,
  isBusinessTime,
  type BusinessInterval,
  type Weekday,
} from "./business-hours";

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();
const allDays = (intervals: BusinessInterval[]) => Object.fromEntries(WEEKDAYS.map((d) => [d, intervals])) as Record<Weekday, BusinessInterval[]>;

// Good Friday and Easter Monday 2025 are public holidays in Germany.
const berlin = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: STANDARD_WEEKLY_HOURS, holidays: ["2025-04-18", "2025-04-21"] });

describe("defineBusinessCalendar", () => {
  const define = (weeklyHours: Partial<Record<Weekday, BusinessInterval[]>>, extra: { timeZone?: string; holidays?: string[] } = {}) =>
    defineBusinessCalendar({ timeZone: extra.timeZone ?? "Europe/Berlin", weeklyHours, holidays: extra.holidays });

  it("refuses hours that end before they start, naming the day and the hours", () => {
    expect(() => define({ mon: [{ start: "18:00", end: "09:00" }] })).toThrow(new RangeError("mon: business hours must end after they start, got 18:00–09:00"));
    expect(() => define({ tue: [{ start: "09:00", end: "09:00" }] })).toThrow(RangeError);
  });
  it("refuses overlapping hours on a day but accepts adjacent ones, in any order", () => {
    expect(() => define({ wed: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "14:00" }] })).toThrow(/overlap \(09:00–12:00 and 11:00–14:00\)/);
    const calendar = define({ wed: [{ start: "12:00", end: "14:00" }, { start: "09:00", end: "12:00" }] });
    expect(calendar.weekly[2]).toEqual([[540, 720], [720, 840]]);
  });
  it("accepts 24:00 as the end of the day and refuses times that are not HH:MM within it", () => {
    expect(define({ sun: [{ start: "00:00", end: "24:00" }] }).weekly[6]).toEqual([[0, 1440]]);
    for (const bad of ["9:00", "24:30", "12:60", "25:00", "noon"]) expect(() => define({ mon: [{ start: bad, end: "24:00" }] })).toThrow(RangeError);
  });
  it("refuses an unknown zone, a holiday that is not a date, and a week without hours", () => {
    expect(() => define({ mon: [{ start: "09:00", end: "17:00" }] }, { timeZone: "Europe/Atlantis" })).toThrow(RangeError);
    expect(() => define({ mon: [{ start: "09:00", end: "17:00" }] }, { holidays: ["2025-13-01"] })).toThrow(/holiday/);
    expect(() => define({})).toThrow(/at least one weekday/);
    expect(() => define({ sat: [] })).toThrow(RangeError);
  });
});

describe("addBusinessMinutes", () => {
  it("carries over the weekend, through the night summer time starts", () => {
    // Friday 17:00 CET + 2 h: one hour on Friday, one on Monday from 09:00 CEST.
    expect(iso(addBusinessMinutes(berlin, at("2025-03-28T16:00:00Z"), 120))).toBe("2025-03-31T08:00:00.000Z");
  });
  it("skips holidays and weekends", () => {
    // Thursday before Easter 17:30: 30 minutes that day, then Friday, the weekend and Monday are closed.
    expect(iso(addBusinessMinutes(berlin, at("2025-04-17T15:30:00Z"), 60))).toBe("2025-04-22T07:30:00.000Z");
  });
  it("starts counting at the opening when started before it", () => {
    expect(iso(addBusinessMinutes(berlin, at("2025-03-03T06:00:00Z"), 30))).toBe("2025-03-03T08:30:00.000Z");
  });
  it("ends at closing time when the target is reached exactly then", () => {
    expect(iso(addBusinessMinutes(berlin, at("2025-03-03T16:00:00Z"), 60))).toBe("2025-03-03T17:00:00.000Z");
  });
  it("returns the start for zero minutes, even outside business hours", () => {
    expect(iso(addBusinessMinutes(berlin, at("2025-03-08T12:34:56.789Z"), 0))).toBe("2025-03-08T12:34:56.789Z");
  });
  it("skips a lunch break", () => {
    const split = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: { mon: [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }] } });
    expect(iso(addBusinessMinutes(split, at("2025-03-03T10:30:00Z"), 60))).toBe("2025-03-03T12:30:00.000Z");
  });
  it("refuses negative or non-finite minutes", () => {
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => addBusinessMinutes(berlin, at("2025-03-03T10:00:00Z"), minutes)).toThrow(RangeError);
  });
  it("gives up with a clear error when holidays close the calendar for more than a year", () => {
    const mondays = Array.from({ length: 70 }, (_, week) => shiftIsoDate("2025-01-06", 7 * week));
    const closed = defineBusinessCalendar({ timeZone: "UTC", weeklyHours: { mon: [{ start: "09:00", end: "17:00" }] }, holidays: mondays });
    expect(() => addBusinessMinutes(closed, at("2025-01-01T00:00:00Z"), 1)).toThrow(/check the holidays/);
  });
});

describe("countBusinessMinutes", () => {
  it("counts only business hours, across the change to summer time", () => {
    expect(countBusinessMinutes(berlin, at("2025-03-28T16:00:00Z"), at("2025-03-31T08:00:00Z"))).toBe(120);
    expect(countBusinessMinutes(berlin, at("2025-03-29T08:00:00Z"), at("2025-03-30T20:00:00Z"))).toBe(0);
    expect(countBusinessMinutes(berlin, at("2025-04-17T15:30:00Z"), at("2025-04-22T07:30:00Z"))).toBe(60);
  });
  it("is 0 when the end is not after the start, and fractional between whole minutes", () => {
    expect(countBusinessMinutes(berlin, at("2025-03-03T12:00:00Z"), at("2025-03-03T10:00:00Z"))).toBe(0);
    expect(countBusinessMinutes(berlin, at("2025-03-03T08:00:30Z"), at("2025-03-03T08:01:00Z"))).toBe(0.5);
  });
  it("counts the real length of days around the clock when clocks change", () => {
    const newYork = defineBusinessCalendar({ timeZone: "America/New_York", weeklyHours: allDays([{ start: "00:00", end: "24:00" }]) });
    // 2 November 2025: clocks go back, the day lasts 25 hours.
    expect(countBusinessMinutes(newYork, at("2025-11-02T04:00:00Z"), at("2025-11-03T05:00:00Z"))).toBe(25 * 60);
    const aroundTheClock = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: allDays([{ start: "00:00", end: "24:00" }]) });
    // 30 March 2025: clocks go forward, the day lasts 23 hours.
    expect(countBusinessMinutes(aroundTheClock, at("2025-03-29T23:00:00Z"), at("2025-03-30T22:00:00Z"))).toBe(23 * 60);
  });
  it("shortens hours that span the skipped hour and lengthens those that span the repeated one", () => {
    const night = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: { sun: [{ start: "01:00", end: "02:30" }, { start: "02:45", end: "03:00" }] } });
    expect(countBusinessMinutes(night, at("2025-03-22T23:00:00Z"), at("2025-03-23T23:00:00Z"))).toBe(105);
    // 02:00–03:00 does not exist on 30 March: 01:00–02:30 lasts one hour and 02:45–03:00 nothing.
    expect(countBusinessMinutes(night, at("2025-03-29T23:00:00Z"), at("2025-03-30T22:00:00Z"))).toBe(60);
    const fallBack = defineBusinessCalendar({ timeZone: "Europe/Berlin", weeklyHours: { sun: [{ start: "01:00", end: "03:00" }] } });
    // 02:00–03:00 happens twice on 26 October.
    expect(countBusinessMinutes(fallBack, at("2025-10-25T22:00:00Z"), at("2025-10-26T23:00:00Z"))).toBe(180);
  });
});

describe("isBusinessTime", () => {
  it("is open from opening time up to, not including, closing time, and closed on holidays", () => {
    expect(isBusinessTime(berlin, at("2025-03-03T08:00:00Z"))).toBe(true);
    expect(isBusinessTime(berlin, at("2025-03-03T07:59:59.999Z"))).toBe(false);
    expect(isBusinessTime(berlin, at("2025-03-03T17:00:00Z"))).toBe(false);
    expect(isBusinessTime(berlin, at("2025-04-18T08:00:00Z"))).toBe(false);
    expect(isBusinessTime(berlin, at("2025-03-08T10:00:00Z"))).toBe(false);
  });
});

describe("business minutes: properties", () => {
  const zone = fc.constantFrom("Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo");
  // Hours on the hour or half hour, up to two intervals a day, at least one open day a week.
  const day = fc
    .uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 4 })
    .map((slots) => {
      const sorted = [...slots].sort((a, b) => a - b);
      const intervals: BusinessInterval[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ start: hhmm(sorted[i]! * 30), end: hhmm(sorted[i + 1]! * 30) });
      return intervals;
    });
  const calendar = fc
    .tuple(zone, fc.array(day, { minLength: 7, maxLength: 7 }), fc.array(fc.date({ min: new Date("2015-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }), { maxLength: 10 }))
    .filter(([, days]) => days.some((d) => d.length > 0))
    .map(([timeZone, days, holidays]) =>
      defineBusinessCalendar({ timeZone, weeklyHours: Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]!])), holidays: holidays.map((h) => h.toISOString().slice(0, 10)) }),
    );
  const instant = fc.date({ min: new Date("2015-01-01"), max: new Date("2027-12-31"), noInvalidDate: true });
  const minutes = fc.integer({ min: 0, max: 3000 });

  it("counting the minutes added gives them back", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, from, n) => {
        const due = addBusinessMinutes(cal, from, n);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(countBusinessMinutes(cal, from, due)).toBe(n);
      }),
    );
  });
  it("adding more minutes never ends earlier", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, from, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(cal, from, less).getTime()).toBeLessThanOrEqual(addBusinessMinutes(cal, from, more).getTime());
      }),
    );
  });
  it("counts add up over consecutive spans", () => {
    const offset = fc.integer({ min: 0, max: 10 * 86_400_000 });
    fc.assert(
      fc.property(calendar, instant, offset, offset, (cal, from, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const [mid, to] = [new Date(from.getTime() + a), new Date(from.getTime() + b)];
        expect(countBusinessMinutes(cal, from, mid) + countBusinessMinutes(cal, mid, to)).toBeCloseTo(countBusinessMinutes(cal, from, to), 9);
      }),
    );
  });
});

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
