import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

export { assertCanWrite } from "../accounts/accounts.policy";

/** The organization's cadence per tier commits every account team: directors and admins set it. */
export function assertCanSetTierPolicy(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") {
    throw forbidden("Only directors and admins can change the organization's cadence policy");
  }
}
