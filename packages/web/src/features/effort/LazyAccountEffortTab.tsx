import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";

const Tab = lazy(() => import("./AccountEffortTab").then((m) => ({ default: m.AccountEffortTab })));

/** The account's effort is loaded with its tab, not with the account page. */
export function AccountEffortTab(props: { accountId: string; canWrite: boolean }) {
  return (
    <Suspense fallback={<Skeleton height={320} radius="md" />}>
      <Tab {...props} />
    </Suspense>
  );
}
