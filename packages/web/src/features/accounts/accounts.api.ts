import type { TAccount, TCreateAccountRequest, TListAccountsQuery, TUpdateAccountRequest } from "@openkam/contracts";
import type { TAccountPage } from "../../lib/api/contract-types";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const PAGE_SIZE = 50;
export const accountKeys = {
  all: ["accounts"] as const,
  list: (query: object, cursor: string | null) => ["accounts", "list", query, cursor] as const,
  one: (id: string) => ["accounts", "one", id] as const,
};

export function useAccountsPage(query: Omit<TListAccountsQuery, "limit" | "cursor">, cursor: string | null) {
  return useQuery({
    queryKey: accountKeys.list(query, cursor),
    queryFn: ({ signal }) => api.get<TAccountPage>("/api/accounts", { ...query, limit: PAGE_SIZE, cursor: cursor ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKeys.one(id), queryFn: () => api.get<TAccount>(`/api/accounts/${id}`) });
}

export const createAccount = (input: TCreateAccountRequest) => api.post<TAccount>("/api/accounts", input);

/** PATCH with If-Match: a stale version answers 412 with the current record. */
export const updateAccount = (id: string, version: number, patch: Omit<TUpdateAccountRequest, "version">) =>
  api.patch<TAccount>(`/api/accounts/${id}`, patch, { headers: { "if-match": `"${version}"` } });

export function useAccountCache() {
  const queryClient = useQueryClient();
  return {
    put(account: TAccount) {
      queryClient.setQueryData(accountKeys.one(account.id), account);
      void queryClient.invalidateQueries({ queryKey: ["accounts", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", account.id] });
    },
    invalidateLists: () => queryClient.invalidateQueries({ queryKey: ["accounts", "list"] }),
  };
}
