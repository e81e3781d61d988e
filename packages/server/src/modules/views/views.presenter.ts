import { ZViewState, type TSavedView } from "@openkam/contracts";
import type { Scope } from "../../tenancy/scope";
import type { ViewRow } from "./views.repository";

export function presentView(row: ViewRow, scope: Scope): TSavedView {
  // A state saved by an older app version may not parse any more: it then opens as an empty view.
  const state = ZViewState.safeParse(row.state);
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    state: state.success ? state.data : { filters: {} },
    shared: row.shared,
    ownerUserId: row.userId,
    mine: row.userId === scope.userId,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
