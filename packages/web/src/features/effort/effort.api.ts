import type {
  TAccountEffort, TCreateEffortEntryRequest, TEffortAllocation, TEffortEntry, TEffortSettings, TPutEffortSettingsRequest, TUpdateEffortEntryRequest,
} from "@openkam/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const effortKeys = {
  all: ["effort"] as const,
  account: (accountId: string, days: number) => ["effort", "account", accountId, days] as const,
  allocation: (days: number, basis: string) => ["effort", "allocation", days, basis] as const,
  settings: ["effort", "settings"] as const,
};

/** The period ending today that a number of days stands for, as the API's from/to. */
export function periodOfDays(days: number, today = new Date()): { from: string; to: string } {
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: day(from), to: day(today) };
}

export function useAccountEffort(accountId: string, days: number) {
  return useQuery({
    queryKey: effortKeys.account(accountId, days),
    queryFn: ({ signal }) => api.get<TAccountEffort>(`/api/accounts/${accountId}/effort`, periodOfDays(days), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAllocation(days: number, basis: "revenue" | "clv") {
  return useQuery({
    queryKey: effortKeys.allocation(days, basis),
    queryFn: ({ signal }) => api.get<TEffortAllocation>("/api/effort/allocation", { ...periodOfDays(days), basis }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEffortSettings() {
  return useQuery({ queryKey: effortKeys.settings, queryFn: ({ signal }) => api.get<TEffortSettings>("/api/effort/settings", undefined, { signal }) });
}

export const logEffort = (body: TCreateEffortEntryRequest) => api.post<TEffortEntry>("/api/effort/entries", body);
export const updateEffort = (entry: Pick<TEffortEntry, "id" | "version">, patch: Omit<TUpdateEffortEntryRequest, "version">) =>
  api.patch<TEffortEntry>(`/api/effort/entries/${entry.id}`, patch, { headers: { "if-match": `"${entry.version}"` } });
export const deleteEffort = (entry: Pick<TEffortEntry, "id" | "version">) =>
  api.delete(`/api/effort/entries/${entry.id}`, { headers: { "if-match": `"${entry.version}"` } });
export const putEffortSettings = (body: TPutEffortSettingsRequest) => api.put<TEffortSettings>("/api/effort/settings", body);

export function useEffortRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: effortKeys.all });
}

/** Minutes as hours and minutes: 95 → "1 h 35 min" (the units come from the translations). */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
