import type {
  TCreateSurveyRequest, TCreateSurveyScheduleRequest, TListVerbatimsQuery, TSendSurveyRequest, TSurvey, TSurveyInvitation, TSurveyLink, TSurveyResults,
  TSurveyResultsQuery, TSurveySchedule, TSurveySendResult, TSurveyVerbatim, TUpdateSurveyRequest, TUpdateSurveyScheduleRequest,
} from "@openkam/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const surveyKeys = {
  all: ["surveys"] as const,
  one: (id: string) => ["surveys", id] as const,
  schedules: (id: string) => ["surveys", id, "schedules"] as const,
  invitations: (id: string) => ["surveys", id, "invitations"] as const,
  results: (query: Partial<TSurveyResultsQuery>) => ["surveys", "results", query] as const,
  verbatims: (query: Partial<TListVerbatimsQuery>) => ["surveys", "verbatims", query] as const,
};

export function useSurveys() {
  return useQuery({ queryKey: surveyKeys.all, queryFn: ({ signal }) => api.get<{ items: TSurvey[] }>("/api/surveys", undefined, { signal }) });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: surveyKeys.one(id), queryFn: ({ signal }) => api.get<TSurvey>(`/api/surveys/${id}`, undefined, { signal }) });
}

export function useSchedules(surveyId: string) {
  return useQuery({ queryKey: surveyKeys.schedules(surveyId), queryFn: ({ signal }) => api.get<{ items: TSurveySchedule[] }>(`/api/surveys/${surveyId}/schedules`, undefined, { signal }) });
}

export function useInvitations(surveyId: string) {
  return useInfiniteQuery({
    queryKey: surveyKeys.invitations(surveyId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) => api.get<Page<TSurveyInvitation>>(`/api/surveys/${surveyId}/invitations`, { limit: 50, cursor: pageParam }, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSurveyResults(query: Partial<TSurveyResultsQuery>) {
  return useQuery({
    queryKey: surveyKeys.results(query),
    queryFn: ({ signal }) => api.get<TSurveyResults>("/api/survey-results", query, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVerbatims(query: Partial<TListVerbatimsQuery>) {
  return useInfiniteQuery({
    queryKey: surveyKeys.verbatims(query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) => api.get<Page<TSurveyVerbatim>>("/api/survey-results/verbatims", { ...query, limit: 20, cursor: pageParam }, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const createSurvey = (body: TCreateSurveyRequest) => api.post<TSurvey>("/api/surveys", body);
export const updateSurvey = (survey: Pick<TSurvey, "id" | "version">, patch: Omit<TUpdateSurveyRequest, "version">) =>
  api.patch<TSurvey>(`/api/surveys/${survey.id}`, patch, { headers: { "if-match": `"${survey.version}"` } });
export const deleteSurvey = (survey: Pick<TSurvey, "id" | "version">) => api.delete(`/api/surveys/${survey.id}`, { headers: { "if-match": `"${survey.version}"` } });
export const sendSurvey = (surveyId: string, body: TSendSurveyRequest) => api.post<TSurveySendResult>(`/api/surveys/${surveyId}/sends`, body);
export const createSchedule = (surveyId: string, body: TCreateSurveyScheduleRequest) => api.post<TSurveySchedule>(`/api/surveys/${surveyId}/schedules`, body);
export const updateSchedule = (schedule: Pick<TSurveySchedule, "id" | "version">, patch: Omit<TUpdateSurveyScheduleRequest, "version">) =>
  api.patch<TSurveySchedule>(`/api/surveys/schedules/${schedule.id}`, patch, { headers: { "if-match": `"${schedule.version}"` } });
export const deleteSchedule = (schedule: Pick<TSurveySchedule, "id" | "version">) =>
  api.delete(`/api/surveys/schedules/${schedule.id}`, { headers: { "if-match": `"${schedule.version}"` } });
export const createInvitationLink = (invitationId: string) => api.post<TSurveyLink>(`/api/surveys/invitations/${invitationId}/link`, {});

export function useSurveysRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: surveyKeys.all });
}
