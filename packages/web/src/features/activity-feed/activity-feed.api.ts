import type { TActivityFeedPage } from "@openkam/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

const PAGE_SIZE = 15;

export function useActivityFeed(mine: boolean) {
  return useInfiniteQuery({
    queryKey: ["activity-feed", mine] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<TActivityFeedPage>("/api/activity-feed", { limit: PAGE_SIZE, mine: mine || undefined, cursor: pageParam ?? undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
