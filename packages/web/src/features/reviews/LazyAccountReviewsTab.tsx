import { Skeleton } from "@mantine/core";
import { lazy, Suspense } from "react";

const Tab = lazy(() => import("./AccountReviewsTab").then((m) => ({ default: m.AccountReviewsTab })));

/** Reviews are loaded with their tab, not with the account page. */
export function AccountReviewsTab(props: { accountId: string }) {
  return (
    <Suspense fallback={<Skeleton height={240} radius="md" />}>
      <Tab {...props} />
    </Suspense>
  );
}
