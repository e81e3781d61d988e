import type {
  TCaseActionRequest, TCaseDetail, TCaseList, TCreateCaseRequest, TPutServiceCalendarRequest, TPutServiceScopeRequest, TPutSlaPolicyRequest,
  TServiceCalendar, TServiceMetrics, TServiceScope, TSlaPolicy, TSlaPolicyList, TTask, TUpdateCaseRequest,
} from "@openkam/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export interface CaseFilters {
  accountId?: string;
  status?: string[];
  priority?: string[];
  slaState?: string[];
  assigneeUserId?: string;
  open?: "true" | "false";
}

export const serviceKeys = {
  all: ["service"] as const,
  cases: (filters: CaseFilters) => ["service", "cases", filters] as const,
  case: (id: string) => ["service", "case", id] as const,
  policies: ["service", "policies"] as const,
  calendar: ["service", "calendar"] as const,
  scope: (accountId: string) => ["service", "scope", accountId] as const,
  metrics: (by: string, accountId: string | undefined) => ["service", "metrics", by, accountId ?? null] as const,
};

/** The SLA clocks move while a page is open: lists and cases are read again every minute. */
const CLOCK_REFRESH_MS = 60_000;

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: serviceKeys.cases(filters),
    queryFn: ({ signal }) => api.get<TCaseList>("/api/cases", { ...filters, limit: 200 }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: CLOCK_REFRESH_MS,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: serviceKeys.case(id),
    queryFn: ({ signal }) => api.get<TCaseDetail>(`/api/cases/${id}`, undefined, { signal }),
    refetchInterval: CLOCK_REFRESH_MS,
  });
}

export function useSlaPolicies() {
  return useQuery({ queryKey: serviceKeys.policies, queryFn: ({ signal }) => api.get<TSlaPolicyList>("/api/service/policies", undefined, { signal }) });
}

export function useServiceCalendar() {
  return useQuery({ queryKey: serviceKeys.calendar, queryFn: ({ signal }) => api.get<TServiceCalendar>("/api/service/calendar", undefined, { signal }) });
}

export function useServiceScope(accountId: string) {
  return useQuery({ queryKey: serviceKeys.scope(accountId), queryFn: ({ signal }) => api.get<TServiceScope>(`/api/accounts/${accountId}/service-scope`, undefined, { signal }) });
}

export function useServiceMetrics(by: "account" | "tier", accountId?: string) {
  return useQuery({
    queryKey: serviceKeys.metrics(by, accountId),
    queryFn: ({ signal }) => api.get<TServiceMetrics>("/api/service/metrics", { by, accountId, months: 6 }, { signal }),
  });
}

export const createCase = (body: TCreateCaseRequest) => api.post<TCaseDetail>("/api/cases", body);
export const updateCase = (id: string, body: TUpdateCaseRequest) => api.patch<TCaseDetail>(`/api/cases/${id}`, body);
export const recordCaseAction = (id: string, body: TCaseActionRequest) => api.post<TCaseDetail>(`/api/cases/${id}/events`, body);
export const createCaseTask = (id: string, title: string) => api.post<TTask>(`/api/cases/${id}/tasks`, { title });
export const putSlaPolicy = (tier: string, priority: string, body: TPutSlaPolicyRequest) => api.put<TSlaPolicy>(`/api/service/policies/${tier}/${priority}`, body);
export const putServiceCalendar = (body: TPutServiceCalendarRequest) => api.put<TServiceCalendar>("/api/service/calendar", body);
export const putServiceScope = (accountId: string, body: TPutServiceScopeRequest) => api.put<TServiceScope>(`/api/accounts/${accountId}/service-scope`, body);

export function useServiceCache() {
  const queryClient = useQueryClient();
  return {
    /** The saved case at once; the lists and metrics it feeds are read again. */
    putCase(found: TCaseDetail) {
      queryClient.setQueryData(serviceKeys.case(found.id), found);
      void queryClient.invalidateQueries({ queryKey: ["service", "cases"] });
      void queryClient.invalidateQueries({ queryKey: ["service", "metrics"] });
    },
    invalidate(key: readonly unknown[]) {
      void queryClient.invalidateQueries({ queryKey: key });
    },
    set<T>(key: readonly unknown[], value: T) {
      queryClient.setQueryData(key, value);
    },
  };
}
