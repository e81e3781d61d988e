import { describe, expect, it } from "vitest";
import { formatDay, formatMonth, monthIndexOf, parseDay } from "./dates";

describe("parseDay", () => {
  it("reads ISO dates, ISO timestamps (time ignored) and compact dates to the same day", () => {
    expect(parseDay("1970-01-02")).toBe(1);
    expect(parseDay("1997-09-30")).toBe(parseDay("19970930"));
    expect(parseDay("2011-12-09 12:50:00")).toBe(parseDay("2011-12-09"));
    expect(parseDay("2011-12-09T23:59:59+08:00")).toBe(parseDay("2011-12-09"));
  });
  it("rejects impossible and malformed dates", () => {
    expect(parseDay("2023-02-29")).toBeUndefined();
    expect(parseDay("2024-02-29")).toBe(parseDay("2024-03-01")! - 1);
    expect(parseDay("09/12/2011")).toBeUndefined();
    expect(parseDay("")).toBeUndefined();
  });
  it("formats back", () => {
    expect(formatDay(parseDay("1997-01-01")!)).toBe("1997-01-01");
    expect(formatMonth(monthIndexOf(parseDay("2011-12-31")!))).toBe("2011-12");
    expect(monthIndexOf(parseDay("1970-01-31")!)).toBe(0);
  });
});
