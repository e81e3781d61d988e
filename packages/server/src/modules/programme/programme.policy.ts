import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** The programme commits the organization: directors and admins shape it, everyone follows it. */
export function assertCanManageProgramme(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") throw forbidden("Only directors and admins can change the KAM programme");
}
