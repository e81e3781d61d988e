import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import type { ViewRow } from "./views.repository";

/** Views belong to people, not to API tokens' integrations or system work. */
export function assertHasUser(scope: Scope): asserts scope is Scope & { userId: string } {
  if (!scope.userId) throw forbidden("Saved views belong to a user");
}

/** Anyone may save views (even viewers: it changes no business data); only the creator changes or deletes one. */
export function assertOwnsView(scope: Scope, view: ViewRow): void {
  if (view.userId !== scope.userId) throw forbidden("Only the person who saved this view can change it");
}
