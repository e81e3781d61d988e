import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { EChartOption } from "../../components/charts/EChart";
import type { ChartClick } from "./IdentifyEChart";

const IdentifyEChart = lazy(() => import("./IdentifyEChart"));

/** Loads echarts on first use only, keeping it out of the initial bundle. */
export function IdentifyChart(props: { option: EChartOption; height?: number; label: string; onClick?: (click: ChartClick) => void }) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 320} radius="md" />}>
      <IdentifyEChart {...props} />
    </Suspense>
  );
}
