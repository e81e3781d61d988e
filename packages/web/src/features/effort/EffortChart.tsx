import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";
import type { EChartOption } from "../../components/charts/EChart";

const Chart = lazy(() => import("./EffortEChart"));

/** The effort-vs-value scatter, with echarts loaded on first use. */
export function EffortChart(props: { option: EChartOption; height?: number; label: string }) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 320} radius="md" />}>
      <Chart {...props} />
    </Suspense>
  );
}
