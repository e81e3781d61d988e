import type { TCreateViewRequest, TSavedView, TSavedViewList } from "@openkam/contracts";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api/client";

export const viewKeys = { list: (entity: TSavedView["entity"]) => ["views", entity] as const };

export function useViews(entity: TSavedView["entity"]) {
  return useQuery({ queryKey: viewKeys.list(entity), queryFn: () => api.get<TSavedViewList>("/api/views", { entity }) });
}

export const createView = (input: TCreateViewRequest) => api.post<TSavedView>("/api/views", input);
export const overwriteView = (view: TSavedView, state: TSavedView["state"]) => api.patch<TSavedView>(`/api/views/${view.id}`, { state, version: view.version });
export const deleteView = (id: string) => api.delete(`/api/views/${id}`);
