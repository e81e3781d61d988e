import type { TKpiDefinition, TKpiDefinitionDetail, TKpiValues, TPutScorecardConfigRequest, TScorecard, TScorecardConfigResponse } from "@openkam/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export type ScorecardSubject = { kind: "programme" } | { kind: "manager"; userId: string } | { kind: "account"; accountId: string };

export const kpiKeys = {
  all: ["kpis"] as const,
  definitions: ["kpis", "definitions"] as const,
  definition: (key: string) => ["kpis", "definitions", key] as const,
  programmeValues: ["kpis", "values", "programme"] as const,
  scorecard: (subject: ScorecardSubject, quarter: string | null) => ["kpis", "scorecard", subject, quarter] as const,
  config: ["kpis", "scorecard-config"] as const,
};

export function useKpiDefinitions() {
  return useQuery({ queryKey: kpiKeys.definitions, queryFn: ({ signal }) => api.get<TKpiDefinition[]>("/api/kpis", undefined, { signal }), staleTime: 60 * 60_000 });
}

export function useKpiDefinition(key: string) {
  return useQuery({ queryKey: kpiKeys.definition(key), queryFn: ({ signal }) => api.get<TKpiDefinitionDetail>(`/api/kpis/${encodeURIComponent(key)}`, undefined, { signal }) });
}

/** The programme's KPIs this quarter, shown beside each definition. */
export function useProgrammeKpiValues() {
  return useQuery({ queryKey: kpiKeys.programmeValues, queryFn: ({ signal }) => api.get<TKpiValues>("/api/kpis/values", { subject: "programme" }, { signal }) });
}

function scorecardPath(subject: ScorecardSubject): string {
  switch (subject.kind) {
    case "programme": return "/api/scorecards/programme";
    case "manager": return `/api/scorecards/manager/${subject.userId}`;
    case "account": return `/api/scorecards/account/${subject.accountId}`;
  }
}

export function useScorecard(subject: ScorecardSubject | null, quarter: string | null) {
  return useQuery({
    queryKey: kpiKeys.scorecard(subject ?? { kind: "programme" }, quarter),
    queryFn: ({ signal }) => api.get<TScorecard>(scorecardPath(subject!), { quarter: quarter ?? undefined }, { signal }),
    enabled: subject !== null,
    placeholderData: keepPreviousData,
  });
}

export function useScorecardConfig() {
  return useQuery({ queryKey: kpiKeys.config, queryFn: ({ signal }) => api.get<TScorecardConfigResponse>("/api/scorecards/config", undefined, { signal }) });
}

export const putScorecardConfig = (body: TPutScorecardConfigRequest) => api.put<TScorecardConfigResponse>("/api/scorecards/config", body);

/** After a configuration change every scorecard is scored anew. */
export function useKpisRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: kpiKeys.all });
}
