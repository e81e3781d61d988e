import { describe, expect, it } from "vitest";
import { csvLine, neutralise } from "./exports.csv";

describe("formula neutralisation", () => {
  it("prefixes cells a spreadsheet would evaluate", () => {
    for (const v of ["=1+1", "+1", "-A1", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ["a=b", "", "1-2", "€-5"]) expect(neutralise(v)).toBe(v);
  });

  it("keeps plain negative numbers in numeric columns, but not formulas there", () => {
    expect(neutralise("-12.50", true)).toBe("-12.50");
    expect(neutralise("-12.50", false)).toBe("'-12.50");
    expect(neutralise("-1+1", true)).toBe("'-1+1");
  });

  it("quotes per RFC 4180 and ends lines with CRLF", () => {
    expect(csvLine(["a,b", 'say "hi"', null, 3, "line\nbreak"])).toBe('"a,b","say ""hi""",,3,"line\nbreak"\r\n');
    expect(csvLine(["-5", "-5"], new Set([1]))).toBe("'-5,-5\r\n");
  });
});
