import type { TContact, TPutRelationshipRequest, TStakeholderMap, TStakeholderRelationship, TUpdateContactRequest } from "@openkam/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export type MapContact = TStakeholderMap["contacts"][number];
export type MapRelationship = MapContact["relationships"][number];

export const stakeholderKeys = {
  map: (accountId: string) => ["stakeholder-map", accountId] as const,
};

export function useStakeholderMap(accountId: string) {
  return useQuery({
    queryKey: stakeholderKeys.map(accountId),
    queryFn: ({ signal }) => api.get<TStakeholderMap>(`/api/accounts/${accountId}/stakeholder-map`, undefined, { signal }),
  });
}

/**
 * The map does not carry contact versions, so a change reads the contact first and sends only the
 * fields changed with that version: a colleague's edit of another field is kept, and one made in
 * between answers 412.
 */
export async function patchContact(id: string, patch: Omit<TUpdateContactRequest, "version">): Promise<TContact> {
  const current = await api.get<TContact>(`/api/contacts/${id}`);
  return api.patch<TContact>(`/api/contacts/${id}`, patch, { headers: { "if-match": `"${current.version}"` } });
}

/** Records a relationship (version 0) or changes the one read. */
export const putRelationship = (contactId: string, userId: string, body: TPutRelationshipRequest) =>
  api.put<TStakeholderRelationship>(`/api/contacts/${contactId}/relationships/${userId}`, body);

export const removeRelationship = (contactId: string, relationship: Pick<MapRelationship, "userId" | "version">) =>
  api.delete(`/api/contacts/${contactId}/relationships/${relationship.userId}`, { headers: { "if-match": `"${relationship.version}"` } });

export function useStakeholderRefresh(accountId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: stakeholderKeys.map(accountId) }),
    queryClient.invalidateQueries({ queryKey: ["contacts"] }),
  ]);
}
