import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Whoever may change the account may comment on it (viewers read only). */
export { assertCanWrite } from "../accounts/accounts.policy";

export function assertCanEdit(scope: Scope, comment: { authorUserId: string }): void {
  if (comment.authorUserId !== scope.userId) throw forbidden("Only the author can edit a comment");
}

/** Authors delete their own comments; admins moderate any. */
export function assertCanDelete(scope: Scope, comment: { authorUserId: string }): void {
  if (comment.authorUserId !== scope.userId && scope.role !== "admin") throw forbidden("Only the author or an admin can delete a comment");
}
