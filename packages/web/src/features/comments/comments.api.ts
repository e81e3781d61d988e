import type { TComment, TCommentPage, TCommentSubjectType, TMentionable } from "@openkam/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

const PAGE_SIZE = 20;

export interface CommentSubject {
  accountId: string;
  subjectType: TCommentSubjectType;
  subjectId: string;
}

export const commentKeys = {
  thread: (s: CommentSubject) => ["comments", s.accountId, s.subjectType, s.subjectId] as const,
  mentionable: (accountId: string, q: string) => ["comments", "mentionable", accountId, q] as const,
};

export function useCommentThread(subject: CommentSubject) {
  return useInfiniteQuery({
    queryKey: commentKeys.thread(subject),
    queryFn: ({ pageParam, signal }) =>
      api.get<TCommentPage>(`/api/accounts/${subject.accountId}/comments`, {
        subjectType: subject.subjectType, subjectId: subject.subjectId, limit: PAGE_SIZE, cursor: pageParam ?? undefined,
      }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The members the autocomplete offers for what follows the "@". */
export function useMentionable(accountId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: commentKeys.mentionable(accountId, q),
    queryFn: ({ signal }) => api.get<{ items: TMentionable[] }>(`/api/accounts/${accountId}/comments/mentionable`, { q: q || undefined }, { signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export interface CommentDraft {
  body: string;
  mentionedUserIds: string[];
}

export function useCommentActions(subject: CommentSubject) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.thread(subject) });
  return {
    async create(draft: CommentDraft) {
      const comment = await api.post<TComment>(`/api/accounts/${subject.accountId}/comments`, { ...draft, subjectType: subject.subjectType, subjectId: subject.subjectId });
      await refresh();
      return comment;
    },
    async update(comment: TComment, draft: CommentDraft) {
      const updated = await api.patch<TComment>(`/api/comments/${comment.id}`, { ...draft, version: comment.version });
      await refresh();
      return updated;
    },
    async remove(comment: TComment) {
      await api.delete(`/api/comments/${comment.id}`, { query: { version: comment.version } });
      await refresh();
    },
  };
}
