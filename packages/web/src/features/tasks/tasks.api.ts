import type { TCreateTaskRequest, TListTasksQuery, TTask } from "@openkam/contracts";
import type { TTaskPage } from "../../lib/api/contract-types";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export function useTasks(query: Omit<TListTasksQuery, "limit" | "cursor">) {
  return useQuery({
    queryKey: ["tasks", "list", query],
    queryFn: () => api.get<TTaskPage>("/api/tasks", { ...query, limit: 200 }),
    placeholderData: keepPreviousData,
  });
}

export const createTask = (input: TCreateTaskRequest) => api.post<TTask>("/api/tasks", input);
