import type { TProductMix } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { escapeHtml, productMixChartOption, productMixSlices } from "./product-mix-chart";

const item = (name: string, sku: string, revenue: string, share: number) => ({ productId: `id-${sku}`, sku, name, category: null, revenue, quantity: "1", share });
const mix = (items: TProductMix["items"], otherRevenue = "0.00"): TProductMix => ({ currency: "EUR", from: "2025-01-01", to: "2025-12-31", items, otherRevenue });

describe("product mix chart", () => {
  it("draws the top products and one slice for the rest, with its share", () => {
    const slices = productMixSlices(mix([item("Valve", "V-1", "300.00", 0.6), item("Pump", "P-1", "150.00", 0.3)], "50.00"), "Other products");
    expect(slices).toEqual([
      { name: "Valve", value: 300, revenue: "300.00", share: 0.6 },
      { name: "Pump", value: 150, revenue: "150.00", share: 0.3 },
      { name: "Other products", value: 50, revenue: "50.00", share: expect.closeTo(0.1, 10) },
    ]);
    expect(productMixSlices(mix([item("Valve", "V-1", "10.00", 1)]), "Other products").map((s) => s.name)).toEqual(["Valve"]);
    expect(productMixSlices(mix([]), "Other products")).toEqual([]);
  });

  it("tells products with the same name apart by their SKU", () => {
    const slices = productMixSlices(mix([item("Seal", "S-1", "2.00", 0.5), item("Seal", "S-2", "1.00", 0.25), item("Gasket", "G-1", "1.00", 0.25)]), "Other");
    expect(slices.map((s) => s.name)).toEqual(["Seal (S-1)", "Seal (S-2)", "Gasket"]);
  });

  it("shows the exact money and the share in the tooltip, with names escaped, and shares in the legend", () => {
    const slices = productMixSlices(mix([item("<img src=x onerror=alert(1)>", "X-1", "1234.50", 0.75)], "411.50"), "Other");
    const option = productMixChartOption(slices, "Revenue", { money: (a) => `€${a}`, percent: (s) => `${Math.round(s * 100)}%` }) as {
      tooltip: { formatter(p: { name: string }): string };
      legend: { formatter(name: string): string };
      series: Array<{ type: string; data: Array<{ name: string; value: number }> }>;
    };
    expect(option.series[0]!.type).toBe("pie");
    expect(option.series[0]!.data).toEqual([{ name: "<img src=x onerror=alert(1)>", value: 1234.5 }, { name: "Other", value: 411.5 }]);
    expect(option.tooltip.formatter({ name: "<img src=x onerror=alert(1)>" })).toBe("&lt;img src=x onerror=alert(1)&gt;<br/><b>€1234.50</b> · 75%");
    expect(option.legend.formatter("Other")).toBe("Other  25%");
    expect(escapeHtml(`a&b"c'`)).toBe("a&amp;b&quot;c&#39;");
  });
});
