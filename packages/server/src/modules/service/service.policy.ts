import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

export { assertCanWrite } from "../accounts/accounts.policy";

/** SLA targets and the service calendar commit every account team: directors and admins set them. */
export function assertCanSetServiceLevels(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") {
    throw forbidden("Only directors and admins can change the organization's service levels");
  }
}

/** The contracted scope is part of the commercial agreement: account managers and up change it. */
export function assertCanSetServiceScope(scope: Scope): void {
  if (scope.role === "viewer" || scope.role === "member") {
    throw forbidden("Only account managers, directors and admins can change an account's contracted service scope");
  }
}
