import { describe, expect, it } from "vitest";
import { overrideSettings, overrideValues, overridesRequest, settingsOfValues, validateOverrides } from "./override-form";

describe("the override form", () => {
  it("tells apart a kind left to the tier from one switched off", () => {
    expect(overrideSettings({ visit: 20, executive_meeting: null })).toEqual({ visit: 20, executive_meeting: "off", qbr: "inherit" });
    expect(overrideValues({ qbr: "half_yearly" })).toEqual({
      visit: { mode: "inherit", days: "" },
      executive_meeting: { mode: "inherit", days: "" },
      qbr: { mode: "half_yearly", days: "" },
    });
  });

  it("sends only the kinds that differ from the tier, null for off, with the version read", () => {
    expect(overridesRequest({ visit: 45, executive_meeting: "off", qbr: "inherit" }, 3)).toEqual({ visit: 45, executive_meeting: null, version: 3 });
    expect(overridesRequest({ visit: "inherit", executive_meeting: "inherit", qbr: "inherit" }, 0)).toEqual({ version: 0 });
  });

  it("asks for a whole number of days from 1 to 3660", () => {
    const values = overrideValues({});
    expect(validateOverrides({ ...values, visit: { mode: "days", days: "" } })).toEqual({ visit: "required" });
    expect(validateOverrides({ ...values, visit: { mode: "days", days: 0 } })).toEqual({ visit: "daysRange" });
    expect(validateOverrides({ ...values, visit: { mode: "days", days: 3661 } })).toEqual({ visit: "daysRange" });
    expect(validateOverrides({ ...values, visit: { mode: "days", days: 2.5 } })).toEqual({ visit: "daysRange" });
    expect(validateOverrides({ ...values, visit: { mode: "days", days: 3660 }, qbr: { mode: "quarterly", days: "" } })).toEqual({});
    expect(settingsOfValues({ ...values, visit: { mode: "days", days: 14 }, qbr: { mode: "off", days: 7 } })).toEqual({ visit: 14, executive_meeting: "inherit", qbr: "off" });
  });
});
