import { z } from "zod";
import { ZCurrency, ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZQueryBool, ZRequiredText, ZVersion } from "./common";

/** A non-negative exact price with up to 4 decimals, as a string (never a float). */
export const ZListPrice = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, "Use a price of 0 or more with at most 4 decimals, e.g. 1299.50"))
  .describe("List price as an exact decimal string");

export const ZProduct = z.object({
  id: ZId,
  sku: z.string().describe("Stock keeping unit, unique in the organization"),
  name: z.string(),
  category: z.string().nullable(),
  unit: z.string().describe("Unit of sale, e.g. each, kg, licence"),
  listPrice: z.string().nullable().describe("Exact decimal string"),
  currency: z.string().nullable(),
  isActive: z.boolean().describe("Inactive products stay on past orders but are not offered any more"),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TProduct = z.infer<typeof ZProduct>;

const productFields = {
  sku: z.string().trim().min(1, "Required").max(100).regex(/^\S+$/, "A SKU has no spaces"),
  name: ZRequiredText(200),
  category: ZOptionalText(100),
  unit: ZRequiredText(50).optional(),
  listPrice: ZListPrice.nullable().optional(),
  currency: ZCurrency.nullable().optional().describe("Required when a list price is given"),
  isActive: z.boolean().optional(),
};

export const ZCreateProductRequest = z.object(productFields).strict();
export type TCreateProductRequest = z.infer<typeof ZCreateProductRequest>;

export const ZUpdateProductRequest = z
  .object({ ...productFields, sku: productFields.sku.optional(), name: productFields.name.optional(), version: ZVersion.optional() })
  .strict();
export type TUpdateProductRequest = z.infer<typeof ZUpdateProductRequest>;

export const PRODUCT_SORTS = ["name", "-name", "sku", "-sku", "updatedAt", "-updatedAt"] as const;

export const ZListProductsQuery = ZListQuery.extend({
  q: z.string().trim().max(200).optional().describe("Text search on name and SKU"),
  sort: z.enum(PRODUCT_SORTS).default("name").describe("Field to sort by; a leading - sorts descending"),
  category: z.string().max(100).optional(),
  isActive: ZQueryBool.optional(),
});
export type TListProductsQuery = z.infer<typeof ZListProductsQuery>;

export const ZProductPage = ZPage(ZProduct);
