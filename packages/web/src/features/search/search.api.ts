import type { TSearchResult } from "@openkam/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ["search", text],
    queryFn: ({ signal }) => api.get<TSearchResult>("/api/search", { q: text, limit: 8 }, { signal }),
    enabled: text.length > 0,
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
}
