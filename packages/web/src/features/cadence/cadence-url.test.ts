import { describe, expect, it } from "vitest";
import { readCadenceView, writeCadenceView } from "./cadence-url";

describe("the cadence page's URL", () => {
  it("opens this week's agenda by default", () => {
    expect(readCadenceView(new URLSearchParams())).toEqual({ tab: "week", week: null, tier: [], kind: [] });
  });

  it("reads the tab, the week and the filters, in the order of their vocabularies", () => {
    const view = readCadenceView(new URLSearchParams("tab=overdue&week=2026-W10&tier=key&tier=strategic&kind=qbr"));
    expect(view).toEqual({ tab: "overdue", week: "2026-W10", tier: ["strategic", "key"], kind: ["qbr"] });
  });

  it("drops a week the year does not have and values it does not know", () => {
    expect(readCadenceView(new URLSearchParams("tab=nope&week=2025-W53&tier=platinum&kind=call"))).toEqual({ tab: "week", week: null, tier: [], kind: [] });
  });

  it("writes only what differs from the default, and reads back the same view", () => {
    expect(writeCadenceView({ tab: "week", week: null, tier: [], kind: [] }).toString()).toBe("");
    const view = { tab: "overdue" as const, week: "2026-W01", tier: ["growth" as const], kind: ["visit" as const, "qbr" as const] };
    const written = writeCadenceView(view);
    expect(written.toString()).toBe("tab=overdue&week=2026-W01&tier=growth&kind=visit&kind=qbr");
    expect(readCadenceView(written)).toEqual(view);
  });
});
