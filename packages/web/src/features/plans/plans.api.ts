import type {
  TCreatePlanRequest, TPlan, TPlanContent, TPlanSummary, TPlanTemplate, TPlanTransitionRequest, TPlanVersion, TPlanVersionSummary, TUpdatePlanRequest,
} from "@openkam/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export type PlanLang = "en" | "zh-CN";
export type PlanTransition = "submit" | "approve" | "request-changes";

export const planKeys = {
  templates: (lang: PlanLang) => ["plan-templates", lang] as const,
  account: (accountId: string) => ["plans", "account", accountId] as const,
  plan: (id: string) => ["plans", "one", id] as const,
  versions: (id: string) => ["plans", "versions", id] as const,
  version: (id: string, n: number) => ["plans", "versions", id, n] as const,
};

export const planLang = (language: string): PlanLang => (language.startsWith("zh") ? "zh-CN" : "en");

export function usePlanTemplates(lang: PlanLang) {
  return useQuery({
    queryKey: planKeys.templates(lang),
    queryFn: () => api.get<{ items: TPlanTemplate[] }>("/api/plan-templates", { lang }),
    staleTime: Infinity,
  });
}

export function useAccountPlans(accountId: string) {
  return useQuery({
    queryKey: planKeys.account(accountId),
    queryFn: ({ signal }) => api.get<{ items: TPlanSummary[] }>(`/api/accounts/${accountId}/plans`, undefined, { signal }),
  });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.plan(id), queryFn: ({ signal }) => api.get<TPlan>(`/api/plans/${id}`, undefined, { signal }) });
}

export function usePlanVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.versions(id),
    queryFn: () => api.get<{ items: TPlanVersionSummary[] }>(`/api/plans/${id}/versions`),
    enabled,
  });
}

export function usePlanVersion(id: string, n: number | null) {
  return useQuery({
    queryKey: planKeys.version(id, n ?? 0),
    queryFn: () => api.get<TPlanVersion>(`/api/plans/${id}/versions/${n}`),
    enabled: n !== null,
    staleTime: Infinity,
  });
}

/** The plan's PDF; the browser downloads it with the session cookie. */
export const planPdfUrl = (id: string, lang: PlanLang) => `/api/plans/${id}/pdf?lang=${lang}`;

function useRefresh() {
  const queryClient = useQueryClient();
  return (plan: TPlan) => {
    queryClient.setQueryData(planKeys.plan(plan.id), plan);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.account(plan.accountId) }),
      queryClient.invalidateQueries({ queryKey: planKeys.versions(plan.id) }),
      queryClient.invalidateQueries({ queryKey: ["tasks"] }),
    ]);
  };
}

export function useCreatePlan(accountId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TCreatePlanRequest) => api.post<TPlan>(`/api/accounts/${accountId}/plans`, body),
    onSuccess: refresh,
  });
}

export function useSavePlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ version, ...body }: Omit<TUpdatePlanRequest, "version"> & { version: number; content?: TPlanContent }) =>
      api.patch<TPlan>(`/api/plans/${id}`, body, { headers: { "if-match": `"${version}"` } }),
    onSuccess: refresh,
  });
}

export function useTransitionPlan(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ transition, version, ...body }: TPlanTransitionRequest & { transition: PlanTransition; version: number }) =>
      api.post<TPlan>(`/api/plans/${id}/${transition}`, body, { headers: { "if-match": `"${version}"` } }),
    onSuccess: refresh,
  });
}

export function useDeletePlan(plan: Pick<TPlan, "id" | "accountId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete(`/api/plans/${plan.id}`, { headers: { "if-match": `"${version}"` } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.account(plan.accountId) }),
  });
}
