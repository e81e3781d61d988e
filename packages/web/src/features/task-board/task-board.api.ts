import type { TListTasksQuery, TTask } from "@openkam/contracts";
import { TASK_STATUSES } from "@openkam/domain/enums/index";
import { useQueries, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api/client";
import type { TTaskPage } from "../../lib/api/contract-types";
import { applyMove, type Columns, type Move, type TaskStatus } from "./board-moves";

export type BoardFilters = Pick<TListTasksQuery, "mine" | "accountId" | "assigneeUserId" | "sourceType">;

/** Cards shown per column; a column with more says so. */
export const COLUMN_LIMIT = 200;

const columnKey = (filters: BoardFilters, status: TaskStatus) => ["tasks", "board", filters, status] as const;

/** One query per column, so a long "done" column never crowds the open ones out. */
export function useBoard(filters: BoardFilters) {
  return useQueries({
    queries: TASK_STATUSES.map((status) => ({
      queryKey: columnKey(filters, status),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TTaskPage>("/api/tasks", { ...filters, status, sort: "position", limit: COLUMN_LIMIT }, { signal }),
    })),
    combine: (results) => ({
      columns: Object.fromEntries(TASK_STATUSES.map((s, i) => [s, results[i]?.data?.items ?? []])) as Columns,
      truncated: TASK_STATUSES.filter((_, i) => Boolean(results[i]?.data?.nextCursor)),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => Promise.all(results.map((r) => r.refetch())),
    }),
  });
}

/** PATCH with the version read: a stale one answers 409 and nothing changes. */
export const moveTask = (task: TTask, status: TaskStatus, position: number) =>
  api.patch<TTask>(`/api/tasks/${task.id}`, { status, position, version: task.version });

/** Writes a board into the column caches: the optimistic picture, then the server's answer. */
function writeColumns(queryClient: QueryClient, filters: BoardFilters, columns: Columns) {
  for (const status of TASK_STATUSES) {
    queryClient.setQueryData<TTaskPage>(columnKey(filters, status), (page) => (page ? { ...page, items: columns[status] } : page));
  }
}

export function useBoardCache(filters: BoardFilters) {
  const queryClient = useQueryClient();
  return {
    showMove: (columns: Columns, move: Move) => writeColumns(queryClient, filters, applyMove(columns, move)),
    /** The saved task replaces the optimistic one (new version, completedAt). */
    putSaved(saved: TTask) {
      for (const status of TASK_STATUSES) {
        queryClient.setQueryData<TTaskPage>(columnKey(filters, status), (page) => (page ? { ...page, items: page.items.map((t) => (t.id === saved.id ? saved : t)) } : page));
      }
      // Other views of tasks (lists, account pages, dashboard) refresh on their next visit.
      void queryClient.invalidateQueries({ queryKey: ["tasks"], predicate: (q) => q.queryKey[1] !== "board" });
      void queryClient.invalidateQueries({ queryKey: ["summary"] });
    },
    refresh: () => queryClient.invalidateQueries({ queryKey: ["tasks", "board"] }),
  };
}
