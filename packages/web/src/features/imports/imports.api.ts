import type { TImport, TImportPreview, ZImportPage, ZImportRejectionPage } from "@openkam/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "../../lib/api/client";

type TImportPage = z.infer<typeof ZImportPage>;
type TImportRejectionPage = z.infer<typeof ZImportRejectionPage>;
export type ImportEntity = TImport["entity"];
export type ImportMode = TImport["mode"];

export const isFinished = (i: Pick<TImport, "status">) => i.status === "succeeded" || i.status === "failed";

export function useImports(cursor: string | null) {
  return useQuery({
    queryKey: ["imports", "list", cursor],
    queryFn: ({ signal }) => api.get<TImportPage>("/api/imports", { limit: 20, cursor: cursor ?? undefined }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** An import, polled while it is queued or running (the live progress bar). */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ["imports", "one", id],
    queryFn: ({ signal }) => api.get<TImport>(`/api/imports/${id}`, undefined, { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : 600),
  });
}

export function useRejections(id: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["imports", "rejections", id],
    queryFn: ({ pageParam, signal }) => api.get<TImportRejectionPage>(`/api/imports/${id}/rejections`, { limit: 100, cursor: pageParam ?? undefined }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(id) && enabled,
  });
}

export function previewImport(file: File, entity: ImportEntity) {
  const form = new FormData();
  form.append("entity", entity);
  form.append("file", file);
  return api.post<TImportPreview>("/api/imports/preview", form);
}

export interface StartImport {
  file: File;
  entity: ImportEntity;
  mode: ImportMode;
  dryRun: boolean;
  mapping: Record<string, string>;
}

/** Text fields first, then the file: the server reads the parts in order. */
export function startImport({ file, entity, mode, dryRun, mapping }: StartImport) {
  const form = new FormData();
  form.append("entity", entity);
  form.append("mode", mode);
  form.append("dryRun", String(dryRun));
  form.append("mapping", JSON.stringify(mapping));
  form.append("file", file);
  return api.post<TImport>("/api/imports", form);
}

export const rejectionsCsvUrl = (id: string) => `/api/imports/${id}/rejections.csv`;
