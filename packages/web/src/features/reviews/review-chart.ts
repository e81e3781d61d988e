import type { TReviewCycleDetail } from "@openkam/contracts";
import { REVIEW_VIEWS, type ReviewView } from "@openkam/domain/reviews/index";
import type { EChartOption } from "../../components/charts/EChart";

const COLORS: Record<ReviewView, string> = { team: "#4c6ef5", director: "#7950f2", self: "#12b886", customer: "#f76707" };

/** Grouped bars: one group per criterion, one bar per view that answered, on the 1-5 scale. */
export function reviewBarsOption(detail: Pick<TReviewCycleDetail, "results">, labels: { criteria: Record<string, string>; views: Record<ReviewView, string> }): EChartOption {
  const criteria = detail.results.criteria;
  const views = REVIEW_VIEWS.filter((v) => criteria.some((c) => c.averages[v] !== null));
  return {
    grid: { left: 36, right: 16, top: 36, bottom: 64, containLabel: false },
    legend: { top: 0 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "category", data: criteria.map((c) => labels.criteria[c.key] ?? c.key), axisLabel: { interval: 0, width: 90, overflow: "break" } },
    yAxis: { type: "value", min: 0, max: 5, interval: 1 },
    series: views.map((view) => ({
      type: "bar", name: labels.views[view], itemStyle: { color: COLORS[view] }, barMaxWidth: 22,
      data: criteria.map((c) => c.averages[view]),
    })),
  };
}
