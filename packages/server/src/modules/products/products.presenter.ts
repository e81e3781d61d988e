import type { TProduct } from "@openkam/contracts";
import type { ProductRow } from "./products.repository";

/**
 * Prices are stored with 4 decimals; show them like money (at least 2
 * decimals) without the padding zeros: "12.5000" → "12.50", "0.1250" → "0.125".
 * String work only, so no value ever passes through floating point.
 */
export function formatPrice(stored: string | null): string | null {
  if (stored === null) return null;
  const [whole, fraction = ""] = stored.split(".");
  return `${whole}.${fraction.replace(/0+$/, "").padEnd(2, "0")}`;
}

/** The wire shape of a product: never a raw row. */
export function presentProduct(row: ProductRow): TProduct {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    category: row.category,
    unit: row.unit,
    listPrice: formatPrice(row.listPrice),
    currency: row.currency,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
