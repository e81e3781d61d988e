import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";

const Tab = lazy(() => import("./StakeholdersTab").then((m) => ({ default: m.StakeholdersTab })));

/** The map library is loaded with the tab, not with the account page. */
export function StakeholdersTab(props: { accountId: string; canWrite: boolean }) {
  return (
    <Suspense fallback={<Skeleton height={420} radius="md" />}>
      <Tab {...props} />
    </Suspense>
  );
}
