import type {
  TAccount,
  TAccountAnalytics,
  TAnalysisKind,
  TAnalysisResult,
  TAnalysisResultsQuery,
  TAnalysisRun,
  TAnalysisRunDetail,
  TChangeTierRequest,
  TCreateAnalysisRunRequest,
  TCreateIdentificationRequest,
  TIdentification,
  TPromoteAccountsRequest,
  TPromoteAccountsResult,
  TRunComparison,
  TTierHistory,
  ZAnalysisRunPage,
  ZClvSummary,
  ZForecastSummary,
  ZMatrixQuadrant,
  ZMatrixSummary,
  ZParetoSummary,
  ZRfmSummary,
  ZSelectionSummary,
} from "@openkam/contracts";
import { keepPreviousData, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../lib/api/client";

/** Response types the contracts define only as schemas, inferred here (types only: no zod in the bundle). */
export type TAnalysisRunPage = z.infer<typeof ZAnalysisRunPage>;
export type RfmSummary = z.infer<typeof ZRfmSummary>;
export type ParetoSummary = z.infer<typeof ZParetoSummary>;
export type MatrixSummary = z.infer<typeof ZMatrixSummary>;
export type ClvSummary = z.infer<typeof ZClvSummary>;
export type ForecastSummary = z.infer<typeof ZForecastSummary>;
export type SelectionSummary = z.infer<typeof ZSelectionSummary>;
export type MatrixQuadrant = z.infer<typeof ZMatrixQuadrant>;
export type Transition = TRunComparison["transitions"][number];
export type AnalysisKind = TAnalysisKind;
export type RunOf<K extends AnalysisKind> = Extract<TAnalysisRun, { kind: K }>;
export type ResultSort = NonNullable<TAnalysisResultsQuery["sort"]>;

export const RESULTS_PAGE_SIZE = 50;
/** The most results a chart draws (the API pages by at most 200). */
const CHART_RESULT_LIMIT = 2000;
const POLL_MS = 1000;

export const isFinished = (run: Pick<TAnalysisRun, "status">) => run.status === "succeeded" || run.status === "failed";

export const analyticsKeys = {
  all: ["analytics"] as const,
  runs: (query: object) => ["analytics", "runs", query] as const,
  run: (id: string, query: object) => ["analytics", "run", id, query] as const,
  allResults: (id: string, group: string | null) => ["analytics", "run", id, "all", group] as const,
  compare: (from: string, to: string) => ["analytics", "compare", from, to] as const,
  account: (accountId: string) => ["analytics", "account", accountId] as const,
  tierHistory: (accountId: string) => ["tier-history", accountId] as const,
};

/** A page of runs, newest first, polled while one of them is still queued or running. */
export function useRuns({ kind, cursor, limit = 20, enabled = true }: { kind?: AnalysisKind | null; cursor: string | null; limit?: number; enabled?: boolean }) {
  const query = { kind: kind ?? undefined, limit, cursor: cursor ?? undefined };
  return useQuery({
    enabled,
    queryKey: analyticsKeys.runs(query),
    queryFn: ({ signal }) => api.get<TAnalysisRunPage>("/api/analytics/runs", query, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((r) => !isFinished(r)) ? POLL_MS : false),
  });
}

/**
 * The organization's latest succeeded selection among its ten newest (the standing rule: the rules page offers to
 * open it, an identification uses its rule), while `enabled`; `pending` until the list has come.
 */
export function useLatestSelection(enabled: boolean) {
  const recent = useRuns({ kind: "selection", cursor: null, limit: 10, enabled });
  const latest = recent.data?.items.find((r): r is RunOf<"selection"> => r.kind === "selection" && r.status === "succeeded");
  return { latest: enabled ? latest : undefined, pending: recent.isPending };
}

/** The latest runs of each kind (for the overview): the newest, and the newest that succeeded. */
export function useLatestRuns(kinds: readonly AnalysisKind[]) {
  return useQueries({
    queries: kinds.map((kind) => {
      const query = { kind, limit: 10 };
      return {
        queryKey: analyticsKeys.runs(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TAnalysisRunPage>("/api/analytics/runs", query, { signal }),
        refetchInterval: (q: { state: { data?: TAnalysisRunPage } }) => (q.state.data?.items.some((r) => !isFinished(r)) ? POLL_MS : false),
      };
    }),
  });
}

/** A run with one page of its results; polled until it has finished. */
export function useRun(id: string, { group, cursor, sort = "rank" }: { group?: string | null; cursor?: string | null; sort?: ResultSort } = {}) {
  const query = { limit: RESULTS_PAGE_SIZE, group: group ?? undefined, cursor: cursor ?? undefined, sort };
  return useQuery({
    queryKey: analyticsKeys.run(id, query),
    queryFn: ({ signal }) => api.get<TAnalysisRunDetail>(`/api/analytics/runs/${id}`, query, { signal }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.run) ? false : POLL_MS),
  });
}

/** Every result of a finished run (up to the charts' limit), for the charts that draw one mark per account. */
export function useAllResults(id: string, enabled: boolean, group: string | null = null) {
  return useQuery({
    queryKey: analyticsKeys.allResults(id, group),
    enabled: Boolean(id) && enabled,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const items: TAnalysisResult[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<TAnalysisRunDetail>(`/api/analytics/runs/${id}`, { limit: 200, cursor, group: group ?? undefined, sort: "rank" }, { signal });
        items.push(...page.results.items);
        cursor = page.results.nextCursor ?? undefined;
      } while (cursor && items.length < CHART_RESULT_LIMIT);
      return { items, complete: !cursor };
    },
  });
}

export function useComparison(from: string | null, to: string | null) {
  return useQuery({
    queryKey: analyticsKeys.compare(from ?? "", to ?? ""),
    queryFn: ({ signal }) => api.get<TRunComparison>(`/api/analytics/runs/${from}/compare/${to}`, undefined, { signal }),
    enabled: Boolean(from && to && from !== to),
  });
}

export function useAccountAnalytics(accountId: string) {
  return useQuery({
    queryKey: analyticsKeys.account(accountId),
    queryFn: ({ signal }) => api.get<TAccountAnalytics>(`/api/accounts/${accountId}/analytics`, undefined, { signal }),
  });
}

export function useTierHistory(accountId: string) {
  return useQuery({
    queryKey: analyticsKeys.tierHistory(accountId),
    queryFn: ({ signal }) => api.get<TTierHistory>(`/api/accounts/${accountId}/tier-history`, undefined, { signal }),
  });
}

export const createRun = (input: TCreateAnalysisRunRequest) => api.post<TAnalysisRun>("/api/analytics/runs", input);
export const createIdentification = (input: TCreateIdentificationRequest) => api.post<TIdentification>("/api/analytics/identifications", input);

export const deleteRun = (runId: string) => api.delete(`/api/analytics/runs/${runId}`);
export const promoteAccounts = (runId: string, input: TPromoteAccountsRequest) => api.post<TPromoteAccountsResult>(`/api/analytics/runs/${runId}/promote`, input);

export const changeTier = (accountId: string, input: TChangeTierRequest) => api.post<TAccount>(`/api/accounts/${accountId}/tier`, input);

/** What a new or deleted run or a promotion makes stale: run lists, and the promoted accounts' pages. */
export function useIdentifyCache() {
  const queryClient = useQueryClient();
  return {
    runsChanged: () => queryClient.invalidateQueries({ queryKey: ["analytics", "runs"] }),
    accountsChanged: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["accounts"] }),
        queryClient.invalidateQueries({ queryKey: ["tier-history"] }),
        queryClient.invalidateQueries({ queryKey: ["analytics", "run"] }),
        queryClient.invalidateQueries({ queryKey: ["summary"] }),
      ]);
    },
  };
}
