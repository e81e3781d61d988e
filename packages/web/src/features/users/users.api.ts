import type { TUserOptions } from "@openkam/contracts";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "../../lib/api/client";

export const USER_OPTIONS_KEY = ["users", "options"] as const;

/** Members of the organization for pickers (owner, assignee); cached for the visit. */
export function useUserOptions() {
  return useQuery({
    queryKey: USER_OPTIONS_KEY,
    queryFn: () => api.get<TUserOptions>("/api/users/options"),
    staleTime: 5 * 60_000,
  });
}

/** id → name, for showing owners in lists. */
export function useUserNames(): Map<string, string> {
  const { data } = useUserOptions();
  // The same Map while the list is unchanged, so memoised tables that take it do not re-render.
  return useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u.name])), [data]);
}
