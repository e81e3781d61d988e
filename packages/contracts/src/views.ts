import { z } from "zod";
import { ZDateTime, ZId, ZVersion } from "./common";

export const VIEW_ENTITIES = ["accounts", "contacts"] as const;
export const ZViewEntity = z.enum(VIEW_ENTITIES).describe("The list the view belongs to");

/**
 * What a view remembers of a list: its filters (query parameters of the list
 * endpoint), sort and visible columns. Kept open so lists can grow new filters
 * without a migration; the web app validates what it reads back.
 */
export const ZViewState = z
  .object({
    filters: z.record(z.string().max(50), z.union([z.string().max(200), z.array(z.string().max(200)).max(20)])).default({}),
    sort: z.string().max(50).optional(),
    columns: z.array(z.string().max(50)).max(50).optional(),
  })
  .strict();
export type TViewState = z.infer<typeof ZViewState>;

export const ZSavedView = z.object({
  id: ZId,
  entity: ZViewEntity,
  name: z.string(),
  state: ZViewState,
  shared: z.boolean().describe("Shared views are visible to everyone in the organization"),
  ownerUserId: ZId,
  mine: z.boolean().describe("True when you created the view (only then can you change it)"),
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZListViewsQuery = z.object({ entity: ZViewEntity });
export const ZSavedViewList = z.object({ items: z.array(ZSavedView) });
export type TSavedViewList = z.infer<typeof ZSavedViewList>;

export const ZCreateViewRequest = z
  .object({
    entity: ZViewEntity,
    name: z.string().trim().min(1, "Required").max(100),
    state: ZViewState,
    shared: z.boolean().optional(),
  })
  .strict();
export type TCreateViewRequest = z.infer<typeof ZCreateViewRequest>;

export const ZUpdateViewRequest = z
  .object({
    name: z.string().trim().min(1, "Required").max(100).optional(),
    state: ZViewState.optional(),
    shared: z.boolean().optional(),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateViewRequest = z.infer<typeof ZUpdateViewRequest>;
