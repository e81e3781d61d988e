import type { TContact, TCreateContactRequest, TDeleteContactQuery, TListContactsQuery, TUpdateContactRequest } from "@openkam/contracts";
import type { TContactPage } from "../../lib/api/contract-types";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export function useContactsPage(query: Omit<TListContactsQuery, "limit" | "cursor">, cursor: string | null) {
  return useQuery({
    queryKey: ["contacts", "list", query, cursor],
    queryFn: ({ signal }) => api.get<TContactPage>("/api/contacts", { ...query, limit: 50, cursor: cursor ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: ["contacts", "one", id], queryFn: () => api.get<TContact>(`/api/contacts/${id}`) });
}

export const createContact = (input: TCreateContactRequest) => api.post<TContact>("/api/contacts", input);
export const updateContact = (id: string, version: number, patch: Omit<TUpdateContactRequest, "version">) =>
  api.patch<TContact>(`/api/contacts/${id}`, patch, { headers: { "if-match": `"${version}"` } });
/** Without `relationships`, a contact who owns relationships or has direct reports answers 409 CONTACT_HAS_RELATIONSHIPS. */
export const deleteContact = (id: string, query: TDeleteContactQuery = {}) => api.delete(`/api/contacts/${id}`, { query: { ...query } });
export const restoreContact = (id: string) => api.post<TContact>(`/api/contacts/${id}/restore`);
