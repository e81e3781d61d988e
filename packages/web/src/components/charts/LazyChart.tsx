import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { EChartOption } from "./EChart";

/** Starts loading echarts; a page that will draw a chart calls it as soon as it is routed to. */
export const loadEChart = () => import("./EChart");
const EChart = lazy(loadEChart);

/** Charts load echarts on first use only, keeping it out of the initial bundle. */
export function LazyChart(props: { option: EChartOption; height?: number; label: string }) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 280} radius="md" />}>
      <EChart {...props} />
    </Suspense>
  );
}
