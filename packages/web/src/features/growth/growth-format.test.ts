import { describe, expect, it } from "vitest";
import { barShare, cellIndex, formatRoi, journeyStageLabel } from "./growth-format";

describe("growth formatting", () => {
  it("shows ROI as a signed percentage", () => {
    expect(formatRoi(1.5, "en")).toBe("+150%");
    expect(formatRoi(-0.5, "en")).toBe("-50%");
    expect(formatRoi(0, "en")).toBe("0%");
    expect(formatRoi(null, "en")).toBe("—");
  });

  it("translates default journey stages only while they keep their default name", () => {
    const t = (key: string) => `T:${key}`;
    expect(journeyStageLabel({ key: "buy", name: "buy" }, t)).toBe("T:growth.journey.defaultStages.buy");
    expect(journeyStageLabel({ key: "buy", name: "Purchase" }, t)).toBe("Purchase");
    expect(journeyStageLabel({ key: "pilot", name: "pilot" }, t)).toBe("pilot");
  });

  it("indexes cells and scales bars", () => {
    const cell = { businessUnitId: "u", productId: "p" } as Parameters<typeof cellIndex>[0][number];
    expect(cellIndex([cell]).get("u/p")).toBe(cell);
    expect(barShare("50", 200)).toBe(25);
    expect(barShare("500", 200)).toBe(100);
    expect(barShare("5", 0)).toBe(0);
  });
});
