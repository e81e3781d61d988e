import { useComputedColorScheme } from "@mantine/core";
import { BarChart, HeatmapChart, LineChart, SankeyChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { EChartOption } from "../../components/charts/EChart";

echarts.use([
  BarChart, LineChart, HeatmapChart, ScatterChart, SankeyChart,
  GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkLineComponent, MarkAreaComponent, CanvasRenderer,
]);

/** What a click on the chart hit: a data item, or an empty spot of the plot in data coordinates. */
export type ChartClick = { kind: "item"; data: unknown } | { kind: "plot"; point: [number, number] };

/**
 * The charts of the identification analyses: the shared EChart with heatmap, scatter and sankey
 * added, and clicks reported to the page (drill-down). Import it lazily (IdentifyChart): echarts is large.
 */
export default function IdentifyEChart({ option, height = 320, label, onClick }: { option: EChartOption; height?: number; label: string; onClick?: (click: ChartClick) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  const scheme = useComputedColorScheme("light");

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, scheme === "dark" ? "dark" : undefined, { renderer: "canvas" });
    chart.current = instance;
    let itemClicked = false;
    instance.on("click", (params) => {
      itemClicked = true;
      clickRef.current?.({ kind: "item", data: params.data });
    });
    // A click between the bubbles still means "this quadrant": the plot area answers in data coordinates.
    instance.getZr().on("click", (event) => {
      if (itemClicked) {
        itemClicked = false;
        return;
      }
      const pixel: [number, number] = [event.offsetX, event.offsetY];
      if (!instance.containPixel({ gridIndex: 0 }, pixel)) return;
      const point = instance.convertFromPixel({ gridIndex: 0 }, pixel) as [number, number] | undefined;
      if (point && Number.isFinite(point[0]) && Number.isFinite(point[1])) clickRef.current?.({ kind: "plot", point });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    chart.current?.setOption({ backgroundColor: "transparent", ...option }, true);
  }, [option, scheme]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }} />;
}
