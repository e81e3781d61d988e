import type {
  TCreateFeedbackRequest, TFeedbackDetail, TFeedbackItem, TFeedbackMetrics, TFeedbackTransitionRequest, TYouSaidWeDid,
} from "@openkam/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Query } from "../../lib/api/client";

export const feedbackKeys = {
  all: ["feedback"] as const,
  list: (filters: Query) => ["feedback", "list", filters] as const,
  item: (id: string) => ["feedback", "item", id] as const,
  metrics: (filters: Query) => ["feedback", "metrics", filters] as const,
  report: (accountId: string, from: string, to: string) => ["feedback", "report", accountId, from, to] as const,
};

export interface FeedbackFilters extends Query {
  accountId?: string;
  status?: string[];
  severity?: string[];
  source?: string;
  overdue?: "true";
  mine?: "true";
  q?: string;
}

export function useFeedbackList(filters: FeedbackFilters, limit = 200) {
  return useQuery({
    queryKey: feedbackKeys.list({ ...filters, limit }),
    queryFn: ({ signal }) => api.get<{ items: TFeedbackItem[]; nextCursor: string | null }>("/api/feedback", { ...filters, limit }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackItem(id: string) {
  return useQuery({ queryKey: feedbackKeys.item(id), queryFn: ({ signal }) => api.get<TFeedbackDetail>(`/api/feedback/${id}`, undefined, { signal }) });
}

export function useFeedbackMetrics(filters: { accountId?: string }) {
  return useQuery({ queryKey: feedbackKeys.metrics(filters), queryFn: ({ signal }) => api.get<TFeedbackMetrics>("/api/feedback/metrics", filters, { signal }) });
}

export function useFeedbackReport(accountId: string, from: string, to: string) {
  return useQuery({
    queryKey: feedbackKeys.report(accountId, from, to),
    queryFn: ({ signal }) => api.get<TYouSaidWeDid>(`/api/accounts/${accountId}/feedback/report`, { from, to }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const createFeedback = (body: TCreateFeedbackRequest) => api.post<TFeedbackDetail>("/api/feedback", body);
export const moveFeedback = (item: Pick<TFeedbackDetail, "id" | "version">, body: Omit<TFeedbackTransitionRequest, "version">) =>
  api.post<TFeedbackDetail>(`/api/feedback/${item.id}/transitions`, body, { headers: { "if-match": `"${item.version}"` } });

export function useFeedbackRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: feedbackKeys.all }), queryClient.invalidateQueries({ queryKey: ["tasks"] })]);
}
