import type {
  TAnswerReviewRequest, TCreatedReviewCycle, TCreateReviewCycleRequest, TCustomerLink, TIssueCustomerLinkRequest, TPendingReview, TPutReviewSettingsRequest,
  TReviewCycle, TReviewCycleDetail, TReviewSettings,
} from "@openkam/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const reviewKeys = {
  all: ["reviews"] as const,
  account: (accountId: string) => ["reviews", "account", accountId] as const,
  cycle: (id: string) => ["reviews", "cycle", id] as const,
  pending: ["reviews", "pending"] as const,
  settings: ["reviews", "settings"] as const,
};

export function useAccountReviews(accountId: string) {
  return useQuery({ queryKey: reviewKeys.account(accountId), queryFn: ({ signal }) => api.get<{ items: TReviewCycle[] }>(`/api/accounts/${accountId}/reviews`, undefined, { signal }) });
}

export function useReview(id: string) {
  return useQuery({ queryKey: reviewKeys.cycle(id), queryFn: ({ signal }) => api.get<TReviewCycleDetail>(`/api/reviews/${id}`, undefined, { signal }) });
}

export function usePendingReviews() {
  return useQuery({ queryKey: reviewKeys.pending, queryFn: ({ signal }) => api.get<{ items: TPendingReview[] }>("/api/reviews/pending", undefined, { signal }) });
}

export function useReviewSettings() {
  return useQuery({ queryKey: reviewKeys.settings, queryFn: ({ signal }) => api.get<TReviewSettings>("/api/reviews/settings", undefined, { signal }) });
}

export const startReview = (accountId: string, body: Partial<TCreateReviewCycleRequest> & Pick<TCreateReviewCycleRequest, "title" | "periodStart" | "periodEnd">) =>
  api.post<TCreatedReviewCycle>(`/api/accounts/${accountId}/reviews`, body);
export const answerReview = (id: string, body: TAnswerReviewRequest) => api.post<TReviewCycleDetail>(`/api/reviews/${id}/ratings`, body);
export const issueCustomerLink = (id: string, body: Partial<TIssueCustomerLinkRequest>) => api.post<TCustomerLink>(`/api/reviews/${id}/customer-link`, body);
export const closeReview = (cycle: Pick<TReviewCycle, "id" | "version">) => api.post<TReviewCycleDetail>(`/api/reviews/${cycle.id}/close`, {}, { headers: { "if-match": `"${cycle.version}"` } });
export const putReviewSettings = (body: TPutReviewSettingsRequest) => api.put<TReviewSettings>("/api/reviews/settings", body);

export function useReviewsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reviewKeys.all });
}
