import type {
  TBusinessUnit, TCreateBusinessUnitRequest, TCreateInitiativeRequest, TCreateOpportunityRequest, TInitiative, TJourney, TOpportunity, TOpportunityList,
  TPutJourneyRequest, TPutWhitespaceCellsRequest, TUpdateInitiativeRequest, TUpdateOpportunityRequest, TWhitespaceMap,
} from "@openkam/contracts";
import type { OpportunityStage } from "@openkam/domain/growth/index";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const growthKeys = {
  all: ["growth"] as const,
  opportunities: (accountId: string) => ["growth", "opportunities", accountId] as const,
  pipeline: (filters: PipelineFilters) => ["growth", "pipeline", filters] as const,
  whitespace: (accountId: string) => ["growth", "whitespace", accountId] as const,
  initiatives: (accountId: string) => ["growth", "initiatives", accountId] as const,
  journey: (accountId: string) => ["growth", "journey", accountId] as const,
};

export interface PipelineFilters {
  stage: OpportunityStage[];
  open: boolean | null;
  ownerUserId: string | null;
  q: string;
}

const ifMatch = (version: number) => ({ headers: { "if-match": `"${version}"` } });

export function useAccountOpportunities(accountId: string) {
  return useQuery({ queryKey: growthKeys.opportunities(accountId), queryFn: ({ signal }) => api.get<TOpportunityList>(`/api/accounts/${accountId}/opportunities`, undefined, { signal }) });
}

export function usePipeline(filters: PipelineFilters) {
  return useQuery({
    queryKey: growthKeys.pipeline(filters),
    queryFn: ({ signal }) => api.get<TOpportunityList>("/api/opportunities", {
      stage: filters.stage.length > 0 ? filters.stage.join(",") : undefined,
      open: filters.open === null ? undefined : String(filters.open),
      ownerUserId: filters.ownerUserId ?? undefined,
      q: filters.q || undefined,
      limit: 500,
    }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const createOpportunity = (accountId: string, body: TCreateOpportunityRequest) => api.post<TOpportunity>(`/api/accounts/${accountId}/opportunities`, body);
export const updateOpportunity = (id: string, version: number, body: Omit<TUpdateOpportunityRequest, "version">) => api.patch<TOpportunity>(`/api/opportunities/${id}`, body, ifMatch(version));
export const deleteOpportunity = (o: Pick<TOpportunity, "id" | "version">) => api.delete(`/api/opportunities/${o.id}`, ifMatch(o.version));

export function useWhitespace(accountId: string) {
  return useQuery({ queryKey: growthKeys.whitespace(accountId), queryFn: ({ signal }) => api.get<TWhitespaceMap>(`/api/accounts/${accountId}/whitespace`, undefined, { signal }) });
}

export const putWhitespaceCells = (accountId: string, body: TPutWhitespaceCellsRequest) => api.put<TWhitespaceMap>(`/api/accounts/${accountId}/whitespace/cells`, body);
export const createBusinessUnit = (accountId: string, body: TCreateBusinessUnitRequest) => api.post<TBusinessUnit>(`/api/accounts/${accountId}/business-units`, body);
export const deleteBusinessUnit = (accountId: string, unit: Pick<TBusinessUnit, "id" | "version">) =>
  api.delete(`/api/accounts/${accountId}/business-units/${unit.id}`, ifMatch(unit.version));

export function useInitiatives(accountId: string) {
  return useQuery({ queryKey: growthKeys.initiatives(accountId), queryFn: ({ signal }) => api.get<{ items: TInitiative[] }>(`/api/accounts/${accountId}/initiatives`, undefined, { signal }) });
}

export const createInitiative = (accountId: string, body: TCreateInitiativeRequest) => api.post<TInitiative>(`/api/accounts/${accountId}/initiatives`, body);
export const updateInitiative = (id: string, version: number, body: Omit<TUpdateInitiativeRequest, "version">) => api.patch<TInitiative>(`/api/initiatives/${id}`, body, ifMatch(version));
export const deleteInitiative = (i: Pick<TInitiative, "id" | "version">) => api.delete(`/api/initiatives/${i.id}`, ifMatch(i.version));

export function useJourney(accountId: string) {
  return useQuery({ queryKey: growthKeys.journey(accountId), queryFn: ({ signal }) => api.get<TJourney>(`/api/accounts/${accountId}/journey`, undefined, { signal }) });
}

export const putJourney = (accountId: string, body: TPutJourneyRequest) => api.put<TJourney>(`/api/accounts/${accountId}/journey`, body);
export const createActionTask = (accountId: string, actionId: string) =>
  api.post<{ taskId: string; journey: TJourney }>(`/api/accounts/${accountId}/journey/actions/${actionId}/task`, {});
