import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Surveys speak to customers in the organization's name: directors and admins write and send them; everyone reads results of the accounts they see. */
export function assertCanManageSurveys(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") throw forbidden("Only directors and admins can create, change or send surveys");
}
