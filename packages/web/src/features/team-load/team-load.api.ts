import type { TTeamLoad } from "@openkam/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export function useTeamLoad() {
  return useQuery({ queryKey: ["team-load"], queryFn: ({ signal }) => api.get<TTeamLoad>("/api/team-load", undefined, { signal }) });
}
