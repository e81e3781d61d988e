import type { TAccountSummary, TProductMix, TPutTeamMemberRequest, TTeamList, TTeamMember } from "@openkam/contracts";
import type { TActivityPage, TContactPage, TInteractionPage, TOrderPage, TTaskPage } from "../../lib/api/contract-types";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const summaryKey = (accountId: string) => ["summary", accountId] as const;

export function useSummary(accountId: string) {
  return useQuery({ queryKey: summaryKey(accountId), queryFn: () => api.get<TAccountSummary>(`/api/accounts/${accountId}/summary`) });
}

export function useAccountContacts(accountId: string) {
  return useQuery({ queryKey: ["contacts", "list", { accountId }], queryFn: () => api.get<TContactPage>("/api/contacts", { accountId, limit: 200 }) });
}

export function useTeam(accountId: string) {
  return useQuery({ queryKey: ["team", accountId], queryFn: () => api.get<TTeamList>(`/api/accounts/${accountId}/team`) });
}

/** Under "orders", so whatever refreshes the orders after a change refreshes the mix too. */
export function useProductMix(accountId: string, months: number) {
  return useQuery({
    queryKey: ["orders", "product-mix", accountId, months],
    queryFn: () => api.get<TProductMix>(`/api/accounts/${accountId}/product-mix`, { months }),
    // While another window loads, the previous one stays on screen; never another account's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === accountId ? previous : undefined),
  });
}

/** Adds the user to the team (no version) or changes their role and allocation (the version read). */
export function putTeamMember(accountId: string, userId: string, body: TPutTeamMemberRequest) {
  return api.put<TTeamMember>(`/api/accounts/${accountId}/team/${userId}`, body);
}

/** Removes the member, provided they are still as read (If-Match: a changed member answers 412). */
export function removeTeamMember(accountId: string, member: Pick<TTeamMember, "userId" | "version">) {
  return api.delete(`/api/accounts/${accountId}/team/${member.userId}`, { headers: { "if-match": `"${member.version}"` } });
}

export function useAccountOrders(accountId: string) {
  return useInfiniteQuery({
    queryKey: ["orders", "list", { accountId }],
    queryFn: ({ pageParam }) => api.get<TOrderPage>("/api/orders", { accountId, limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAccountInteractions(accountId: string, limit = 50) {
  return useInfiniteQuery({
    queryKey: ["interactions", "list", { accountId, limit }],
    queryFn: ({ pageParam }) => api.get<TInteractionPage>("/api/interactions", { accountId, limit, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAccountTasks(accountId: string) {
  return useQuery({ queryKey: ["tasks", "list", { accountId }], queryFn: () => api.get<TTaskPage>("/api/tasks", { accountId, limit: 200, sort: "dueDate" }) });
}

export function useActivity(accountId: string) {
  return useInfiniteQuery({
    queryKey: ["activity", accountId],
    queryFn: ({ pageParam }) => api.get<TActivityPage>(`/api/accounts/${accountId}/activity`, { limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
