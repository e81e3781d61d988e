import { describe, expect, it } from "vitest";
import { i18n } from "../../lib/i18n/i18n";
import { conditionText, ruleText, valueText } from "./condition-text";

describe("rule text", () => {
  const t = i18n.getFixedT("en");

  it("writes a condition the way a sales director reads it", () => {
    expect(conditionText(t, { field: "revenueGrowthYoy", op: "gte", value: 0.25 }, "CNY")).toBe("Revenue growth on last year ≥ +25%");
    expect(conditionText(t, { field: "quadrant", op: "in", value: ["strategic_partner", "cash_cow"] }, "CNY")).toBe("Matrix quadrant is one of Strategic partners, Cash cows");
    expect(conditionText(t, { field: "daysSinceLastOrder", op: "lt", value: 90 }, "CNY")).toBe("Days since the last order < 90 days");
    expect(valueText(t, "tier", "key", "CNY")).toBe("Key");
    expect(valueText(t, "clv", null, "CNY")).toBe("unknown");
  });

  it("brackets nested groups and spells out AND, OR and NOT", () => {
    const text = ruleText(t, { all: [{ any: [{ field: "abcClass", op: "eq", value: "A" }, { field: "orders12m", op: "gte", value: 12 }] }, { not: { field: "region", op: "eq", value: "West" } }] }, "CNY");
    expect(text).toBe("(ABC class = Class A OR Orders (12 months) ≥ 12 orders) AND NOT Region = West");
  });

  it("reads the same in Chinese", () => {
    expect(conditionText(i18n.getFixedT("zh-CN"), { field: "quadrant", op: "eq", value: "strategic_partner" }, "CNY")).toBe("矩阵象限 = 战略伙伴");
  });
});
