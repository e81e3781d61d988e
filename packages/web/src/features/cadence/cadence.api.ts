import type { TAccountCadence, TMyWeek, TOverdueAccountPage, TPutAccountCadenceRequest } from "@openkam/contracts";
import type { AccountTier } from "@openkam/domain/enums/index";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import type { CadenceKind } from "./cadence-format";

export const OVERDUE_PAGE_SIZE = 50;

export interface OverdueFilters {
  tier: AccountTier[];
  kind: CadenceKind[];
}

export const cadenceKeys = {
  all: ["cadence"] as const,
  account: (accountId: string) => ["cadence", "account", accountId] as const,
  myWeek: (week: string | null) => ["cadence", "my-week", week] as const,
  overdue: (filters: OverdueFilters) => ["cadence", "overdue", filters] as const,
};

export function useAccountCadence(accountId: string) {
  return useQuery({
    queryKey: cadenceKeys.account(accountId),
    queryFn: ({ signal }) => api.get<TAccountCadence>(`/api/accounts/${accountId}/cadence`, undefined, { signal }),
  });
}

/** Without a week the server answers for this week in the organization's time zone, which the browser may not share. */
export function useMyWeek(week: string | null) {
  return useQuery({
    queryKey: cadenceKeys.myWeek(week),
    queryFn: ({ signal }) => api.get<TMyWeek>("/api/cadence/my-week", { week: week ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOverdueAccounts(filters: OverdueFilters) {
  return useInfiniteQuery({
    queryKey: cadenceKeys.overdue(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<TOverdueAccountPage>("/api/cadence/overdue", { ...filters, limit: OVERDUE_PAGE_SIZE, cursor: pageParam ?? undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Replaces the account's overrides; the version in the body makes a stale edit answer 409 with the current cadence. */
export const putAccountCadence = (accountId: string, body: TPutAccountCadenceRequest) =>
  api.put<TAccountCadence>(`/api/accounts/${accountId}/cadence`, body);

export function useCadenceCache() {
  const queryClient = useQueryClient();
  return {
    /** The saved cadence on the card at once; the lists and agendas it feeds are fetched again. */
    put(cadence: TAccountCadence) {
      queryClient.setQueryData(cadenceKeys.account(cadence.accountId), cadence);
      void queryClient.invalidateQueries({ queryKey: cadenceKeys.all });
    },
  };
}
