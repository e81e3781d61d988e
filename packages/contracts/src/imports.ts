import { EXPORT_ENTITIES, IMPORT_ENTITIES, IMPORT_MODES, IMPORT_STATUSES } from "@openkam/domain";
import { z } from "zod";
import { ZListAccountsQuery } from "./accounts";
import { ZDateTime, ZId, ZPage } from "./common";

export const ZImportEntity = z.enum(IMPORT_ENTITIES);
export const ZImportMode = z.enum(IMPORT_MODES);
export const ZImportStatus = z.enum(IMPORT_STATUSES);
export const ZExportEntity = z.enum(EXPORT_ENTITIES);

/**
 * The columns of each entity's CSV, in export order. A file whose headers are
 * these names imports without a mapping, so an export imports back unchanged.
 * Records reference each other by external id (accounts, contacts, orders,
 * interactions), by sku (products) or by e-mail (users).
 */
export const IMPORT_FIELDS = {
  accounts: ["external_id", "name", "legal_name", "industry", "region", "country", "currency", "size", "tier", "status", "owner_email", "parent_external_id", "tags", "custom_fields"],
  contacts: ["external_id", "account_external_id", "name", "title", "department", "email", "phone", "buying_role", "influence", "attitude", "reports_to_external_id", "notes"],
  products: ["sku", "name", "category", "unit", "list_price", "currency", "is_active"],
  orders: ["external_id", "account_external_id", "order_date", "currency", "amount", "status", "notes", "line_no", "sku", "quantity", "unit_price"],
  interactions: ["external_id", "account_external_id", "type", "occurred_at", "duration_minutes", "subject", "summary", "outcome", "next_step", "contact_external_ids", "user_emails"],
} as const satisfies Record<(typeof IMPORT_ENTITIES)[number], readonly string[]>;

/**
 * The columns a file must have (by name or mapping) for each entity: the
 * import refuses a file without them, and the web wizard will not start one.
 */
export const IMPORT_REQUIRED_FIELDS = {
  accounts: ["external_id", "name", "currency"],
  contacts: ["external_id", "account_external_id", "name"],
  products: ["sku", "name"],
  orders: ["external_id", "account_external_id", "order_date", "currency"],
  interactions: ["external_id", "account_external_id", "type", "occurred_at", "subject"],
} as const satisfies { [E in (typeof IMPORT_ENTITIES)[number]]: ReadonlyArray<(typeof IMPORT_FIELDS)[E][number]> };

/** Tasks are exported only (they have no external id to re-import by). */
export const EXPORT_FIELDS = {
  ...IMPORT_FIELDS,
  tasks: ["id", "title", "description", "account_external_id", "assignee_email", "due_date", "status", "priority", "completed_at"],
} as const satisfies Record<(typeof EXPORT_ENTITIES)[number], readonly string[]>;

/** Fields that hold several values in one cell, separated by semicolons. */
export const LIST_SEPARATOR = ";";

export const ZImport = z.object({
  id: ZId,
  entity: ZImportEntity,
  mode: ZImportMode,
  dryRun: z.boolean(),
  status: ZImportStatus,
  fileName: z.string(),
  rowsRead: z.number().int().describe("Data rows read so far (the header line is not counted)"),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  error: z.string().nullable().describe("Why the import failed, when it did"),
  createdAt: ZDateTime,
  startedAt: ZDateTime.nullable(),
  finishedAt: ZDateTime.nullable(),
});
export type TImport = z.infer<typeof ZImport>;
export const ZImportPage = ZPage(ZImport);

export const ZImportRejection = z.object({
  line: z.number().int().describe("Line in the file; 1 is the header line, so the first data row is line 2"),
  column: z.string().nullable().describe("The file's header of the column the reason is about (the reason names the field), when there is one"),
  reason: z.string(),
  raw: z.record(z.string(), z.string()).nullable().describe("The row as read from the file, by header"),
});
export type TImportRejection = z.infer<typeof ZImportRejection>;
export const ZImportRejectionPage = ZPage(ZImportRejection);

export const ZListImportsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListImportsQuery = z.infer<typeof ZListImportsQuery>;

export const ZListRejectionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(500).optional(),
});
export type TListRejectionsQuery = z.infer<typeof ZListRejectionsQuery>;

/** The multipart text fields of POST /api/imports (the file travels as the `file` part). */
export const ZCreateImportFields = z.object({
  entity: ZImportEntity,
  mode: ZImportMode.default("all-or-nothing"),
  dryRun: z.enum(["true", "false", "1", "0", ""]).default("false").transform((v) => v === "true" || v === "1"),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      try {
        const parsed: unknown = JSON.parse(v);
        const result = z.record(z.string().max(200), z.string().max(100)).safeParse(parsed);
        if (result.success) return result.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "mapping must be a JSON object: file header → field name" });
      return z.NEVER;
    }),
});
export type TCreateImportFields = z.infer<typeof ZCreateImportFields>;

export const ZImportPreview = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())).describe("The first 10 data rows"),
  guessedMapping: z.record(z.string(), z.string()).describe("File header → field name, for the headers that could be recognised"),
  fields: z.array(z.string()).describe("The fields this entity accepts"),
  requiredFields: z.array(z.string()).describe("The fields a column must feed before the file can be imported"),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZExportParams = z.object({ entity: ZExportEntity });

/** An accounts export takes the accounts list filters, so "export the current view" works. */
export const ZExportQuery = ZListAccountsQuery.pick({ q: true, tier: true, status: true, ownerUserId: true, region: true, industry: true }).partial();
export type TExportQuery = z.infer<typeof ZExportQuery>;
