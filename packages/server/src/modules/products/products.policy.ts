import { forbidden } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";

/** Everyone in the organization reads the catalogue; only directors and admins change it, since prices bind every account. */
export function assertCanManageProducts(scope: Scope): void {
  if (scope.role !== "admin" && scope.role !== "director") throw forbidden("Only directors and admins can change the product catalogue");
}

/** A list price means nothing without its currency. */
export function priceNeedsCurrency(product: { listPrice: string | null; currency: string | null }): boolean {
  return product.listPrice !== null && product.currency === null;
}
