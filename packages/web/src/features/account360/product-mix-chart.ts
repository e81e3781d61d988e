import type { TProductMix } from "@openkam/contracts";
import type { EChartOption } from "../../components/charts/EChart";

export interface MixSlice {
  /** The legend entry: the product's name, with its SKU when two products share a name. */
  name: string;
  /** For drawing only; the exact amount is `revenue`. */
  value: number;
  revenue: string;
  share: number;
}

/** The top products as slices, and "other" for the rest when it has any revenue. */
export function productMixSlices(mix: TProductMix, otherLabel: string): MixSlice[] {
  const counts = new Map<string, number>();
  for (const item of mix.items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  const slices = mix.items.map((item) => ({
    name: (counts.get(item.name) ?? 0) > 1 ? `${item.name} (${item.sku})` : item.name,
    value: Number(item.revenue),
    revenue: item.revenue,
    share: item.share,
  }));
  if (Number(mix.otherRevenue) > 0) {
    const topShare = mix.items.reduce((sum, item) => sum + item.share, 0);
    slices.push({ name: otherLabel, value: Number(mix.otherRevenue), revenue: mix.otherRevenue, share: Math.max(0, 1 - topShare) });
  }
  return slices;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Tooltips are HTML and product names are what users typed. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** A donut of the product mix; the legend lists the products with their shares, the tooltip the exact money. */
export function productMixChartOption(
  slices: readonly MixSlice[],
  seriesName: string,
  format: { money(amount: string): string; percent(share: number): string },
): EChartOption {
  const byName = new Map(slices.map((s) => [s.name, s]));
  return {
    tooltip: {
      trigger: "item",
      formatter: (params: { name: string }) => {
        const slice = byName.get(params.name);
        return slice ? `${escapeHtml(slice.name)}<br/><b>${escapeHtml(format.money(slice.revenue))}</b> · ${escapeHtml(format.percent(slice.share))}` : "";
      },
    },
    legend: {
      type: "scroll",
      orient: "vertical",
      right: 0,
      top: "middle",
      formatter: (name: string) => {
        const slice = byName.get(name);
        return slice ? `${name}  ${format.percent(slice.share)}` : name;
      },
    },
    series: [{
      name: seriesName,
      type: "pie",
      radius: ["45%", "72%"],
      center: ["30%", "50%"],
      avoidLabelOverlap: true,
      label: { show: false },
      data: slices.map((s) => ({ name: s.name, value: s.value })),
    }],
  };
}
