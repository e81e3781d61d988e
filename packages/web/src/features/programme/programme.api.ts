import type { TCreateProgrammeGoalRequest, TProgramme, TProgrammeGoal, TProgrammeOverview, TPutProgrammeRequest, TUpdateProgrammeGoalRequest } from "@openkam/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import type { TAccountPage } from "../../lib/api/contract-types";

export const programmeKeys = { all: ["programme"] as const };

export function useProgramme() {
  return useQuery({ queryKey: programmeKeys.all, queryFn: ({ signal }) => api.get<TProgrammeOverview>("/api/programme", undefined, { signal }) });
}

/** Accounts to offer for the cohort, by name. */
export function useAccountChoices(q: string) {
  return useQuery({
    queryKey: ["accounts", "choices", q],
    queryFn: ({ signal }) => api.get<TAccountPage>("/api/accounts", { q: q || undefined, limit: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const putProgramme = (body: TPutProgrammeRequest) => api.put<TProgramme>("/api/programme", body);
export const addCohortAccount = (accountId: string) => api.put<null>(`/api/programme/accounts/${accountId}`, undefined);
export const removeCohortAccount = (accountId: string) => api.delete(`/api/programme/accounts/${accountId}`);
export const createGoal = (body: TCreateProgrammeGoalRequest) => api.post<TProgrammeGoal>("/api/programme/goals", body);
export const updateGoal = (goal: Pick<TProgrammeGoal, "id" | "version">, patch: Omit<TUpdateProgrammeGoalRequest, "version">) =>
  api.patch<TProgrammeGoal>(`/api/programme/goals/${goal.id}`, patch, { headers: { "if-match": `"${goal.version}"` } });
export const deleteGoal = (goal: Pick<TProgrammeGoal, "id" | "version">) =>
  api.delete(`/api/programme/goals/${goal.id}`, { headers: { "if-match": `"${goal.version}"` } });

export function useProgrammeRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programmeKeys.all });
}
