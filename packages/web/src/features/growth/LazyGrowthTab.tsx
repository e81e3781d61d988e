import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";

const Tab = lazy(() => import("./GrowthTab").then((m) => ({ default: m.GrowthTab })));

/** Growth planning is loaded with its tab, not with the account page. */
export function GrowthTab(props: { accountId: string; currency: string; canWrite: boolean }) {
  return (
    <Suspense fallback={<Skeleton height={420} radius="md" />}>
      <Tab {...props} />
    </Suspense>
  );
}
