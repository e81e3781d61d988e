import { useQuery } from "@tanstack/react-query";
import { fetchMe, ME_KEY } from "./auth.api";

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
