import { dayAt } from "./calendar";
import { CATALOG, type CatalogEntry } from "./catalog";
import type { DemoContext, ProductRow } from "./demo-types";
import { formatScale4 } from "./money";
import { nameOrderKey } from "@openkam/domain/names/name-order";

/** A catalogue product, its row, and when it could be ordered. */
export interface CatalogProduct {
  readonly index: number;
  readonly entry: CatalogEntry;
  readonly row: ProductRow & { id: string };
  /** Current list price in CNY ten-thousandths. */
  readonly listPrice4: number;
  /** Orderable from this day (included) to `availableTo` (excluded). */
  readonly availableFrom: number;
  readonly availableTo: number;
}

export function generateProducts(ctx: DemoContext): CatalogProduct[] {
  const rng = ctx.random.fork("products");
  const perPrefix = new Map<string, number>();
  return CATALOG.map((entry, index): CatalogProduct => {
    const n = (perPrefix.get(entry.skuPrefix) ?? 0) + 1;
    perPrefix.set(entry.skuPrefix, n);
    const availableFrom = entry.lifecycle === "new" ? ctx.asOfDay - rng.int(150, 400) : ctx.windowStart - 2 * 365;
    const availableTo = entry.lifecycle === "discontinued" ? ctx.asOfDay - rng.int(300, 500) : ctx.asOfDay + 10 * 365;
    const listPrice4 = Math.round(entry.listPrice * 10_000);
    const createdAt = dayAt(Math.max(ctx.asOfDay - 5 * 365 + 1, availableFrom - 30), rng.int(60, 600));
    const updatedAt = dayAt(Math.min(ctx.asOfDay - 1, entry.lifecycle === "discontinued" ? availableTo : ctx.asOfDay - rng.int(1, 200)), rng.int(60, 600));
    return {
      index, entry, listPrice4, availableFrom, availableTo,
      row: {
        orgId: ctx.orgId, id: rng.uuid(), sku: `${entry.skuPrefix}-${1000 + n * 10}`, name: entry.name, nameKey: nameOrderKey(entry.name), category: entry.category,
        unit: entry.unit, listPrice: formatScale4(listPrice4), currency: "CNY", isActive: entry.lifecycle !== "discontinued",
        createdAt, updatedAt, version: 1,
      },
    };
  });
}

export const isAvailable = (product: CatalogProduct, day: number): boolean => product.availableFrom <= day && day < product.availableTo;
