import type { TCreateInteractionRequest, TInteraction, TListInteractionsQuery, TNextStepTaskRequest, TTask, TUpdateInteractionRequest } from "@openkam/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import type { TContactPage, TInteractionPage } from "../../lib/api/contract-types";

export type InteractionsListQuery = Omit<TListInteractionsQuery, "limit" | "cursor">;

export function useInteractionsPage(query: InteractionsListQuery, cursor: string | null) {
  return useQuery({
    queryKey: ["interactions", "page", query, cursor],
    queryFn: ({ signal }) => api.get<TInteractionPage>("/api/interactions", { ...query, limit: 50, cursor: cursor ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInteraction(id: string) {
  return useQuery({ queryKey: ["interactions", "one", id], queryFn: () => api.get<TInteraction>(`/api/interactions/${id}`), enabled: id !== "" });
}

export const createInteraction = (input: TCreateInteractionRequest) => api.post<TInteraction>("/api/interactions", input);

/** PATCH with If-Match: a stale version answers 412 with the current interaction. */
export const updateInteraction = (id: string, version: number, patch: Omit<TUpdateInteractionRequest, "version">) =>
  api.patch<TInteraction>(`/api/interactions/${id}`, patch, { headers: { "if-match": `"${version}"` } });
export const deleteInteraction = (id: string) => api.delete(`/api/interactions/${id}`);
export const createNextStepTask = (id: string, input: TNextStepTaskRequest) => api.post<TTask>(`/api/interactions/${id}/next-step-task`, input);

/** The account's contacts, for choosing who attended (same cache as the account's Contacts tab). */
export function useAccountContactOptions(accountId: string) {
  return useQuery({
    queryKey: ["contacts", "list", { accountId }],
    queryFn: () => api.get<TContactPage>("/api/contacts", { accountId, limit: 200 }),
    enabled: accountId !== "",
  });
}
