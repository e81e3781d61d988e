import { IMPORT_FIELDS, LIST_SEPARATOR } from "@openkam/contracts";
import { ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS, BUYING_ROLES, INTERACTION_TYPES, ORDER_STATUSES, type ImportEntity } from "@openkam/domain";
import { z } from "zod";

/**
 * Row schemas: one Zod schema per entity, from the cells of one file row
 * (strings, keyed by field name; a field the file does not have is undefined)
 * to typed values. Empty cells become null. Messages are short and say what
 * to write instead, because they end up in the rejection report.
 */

const blankToNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() === "" ? null : v.trim());

/** A failed check, with the message for the rejection report. */
class Problem {
  constructor(readonly message: string) {}
}
const problem = (message: string) => new Problem(message);
type Cell = string | null | undefined;

/**
 * One cell: trimmed, blank → null, absent → undefined, then one check. One
 * transform per field instead of a chain of refinements keeps validating a
 * million-row file cheap. A problem is reported with `continue`, so the other
 * fields and the row's own checks still run and every problem reaches the report.
 */
function cellWith<T>(check: (v: Cell) => T | Problem) {
  return z.string().optional().transform((raw, ctx): T => {
    const v = blankToNull(raw);
    const result = check(v);
    if (!(result instanceof Problem)) return result;
    ctx.addIssue({ code: "custom", message: result.message, input: raw, continue: true });
    return v as T; // never read: the row is rejected
  });
}

const text = (max: number) => cellWith((v) => (v == null || v.length <= max ? v : problem(`at most ${max} characters`)));
const required = (max: number) =>
  cellWith((v) => (v == null ? problem("required") : v.length <= max ? v : problem(`at most ${max} characters`)));

const matchingCheck = (re: RegExp, message: string, normalise: (v: string) => string = (v) => v) => (v: Cell) => {
  if (v == null) return v;
  const n = normalise(v);
  return re.test(n) ? n : problem(message);
};
const matching = (re: RegExp, message: string, normalise?: (v: string) => string) => cellWith(matchingCheck(re, message, normalise));

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const requiredDate = cellWith((v) => (v == null ? problem("required, as YYYY-MM-DD") : validDate(v) ? v : problem("use YYYY-MM-DD")));

/** ISO 8601 with an offset, or a date / "YYYY-MM-DD HH:MM[:SS]" read as UTC. */
function toInstant(v: string): string | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/.exec(v);
  const iso = local ? `${local[1]}T${local[2] ?? "00:00"}Z` : v;
  if (!local && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
const requiredInstant = cellWith((v) =>
  v == null ? problem("required, e.g. 2024-03-01T09:30:00Z") : (toInstant(v) ?? problem("use an ISO date and time such as 2024-03-01T09:30:00+08:00")));

const decimal = (digits: number, scale: number, example: string) =>
  matching(new RegExp(`^-?\\d{1,${digits}}(\\.\\d{1,${scale}})?$`), `use a number with at most ${scale} decimals, e.g. ${example}`, (v) => v.replace(/^\+/, ""));

const integer = (min: number, max: number) =>
  cellWith((v) => {
    if (v == null) return v;
    const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
    return n >= min && n <= max ? n : problem(`use a whole number from ${min} to ${max}`);
  });

/** Enums are matched loosely: "Decision maker", "decision-maker" and "DECISION_MAKER" all work. */
const enumCheck = <T extends string>(values: readonly T[]) => (v: Cell): T | null | undefined | Problem => {
  if (v == null) return v;
  const n = v.toLowerCase().replace(/[\s-]+/g, "_");
  return (values as readonly string[]).includes(n) ? (n as T) : problem(`use one of ${values.join(", ")}`);
};
const oneOf = <T extends string>(values: readonly T[]) => cellWith(enumCheck(values));

const currencyCheck = matchingCheck(/^[A-Z]{3}$/, "use a three-letter currency code such as CNY or USD", (v) => v.toUpperCase());
const currency = cellWith(currencyCheck);
const requiredCurrency = cellWith((v) => (v == null ? problem("required, e.g. CNY") : (currencyCheck(v) as string | Problem)));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = matching(EMAIL, "use an e-mail address such as name@example.com", (v) => v.toLowerCase());

const listCheck = (max: number) => (v: Cell) => {
  if (v == null) return v;
  const values = v.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s !== "");
  return values.length <= max ? values : problem(`at most ${max} values`);
};
const list = (max: number) => cellWith(listCheck(max));

const boolean = cellWith((v) => {
  if (v == null) return v;
  const n = v.toLowerCase();
  if (["true", "yes", "1", "y"].includes(n)) return true;
  return ["false", "no", "0", "n"].includes(n) ? false : problem("use true or false");
});

const jsonObject = cellWith((v) => {
  if (v == null) return v;
  try {
    const parsed: unknown = JSON.parse(v);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  return problem('use a JSON object such as {"segment":"A"}');
});

export const ZAccountRow = z.object({
  external_id: required(200),
  name: required(200),
  legal_name: text(300),
  industry: text(100),
  region: text(100),
  country: matching(/^[A-Z]{2}$/, "use a two-letter country code such as CN or DE", (v) => v.toUpperCase()),
  currency: requiredCurrency,
  size: oneOf(ACCOUNT_SIZES),
  tier: oneOf(ACCOUNT_TIERS),
  status: oneOf(ACCOUNT_STATUSES),
  owner_email: email,
  parent_external_id: text(200),
  tags: list(50),
  custom_fields: jsonObject,
}).refine((r) => r.parent_external_id == null || r.parent_external_id !== r.external_id, {
  path: ["parent_external_id"], message: "an account cannot be its own parent",
});

export const ZContactRow = z.object({
  external_id: required(200),
  account_external_id: required(200),
  name: required(200),
  title: text(200),
  department: text(200),
  email,
  phone: text(50),
  buying_role: oneOf(BUYING_ROLES),
  influence: integer(1, 5),
  attitude: integer(-2, 2),
  reports_to_external_id: text(200),
  notes: text(5000),
}).refine((r) => r.reports_to_external_id == null || r.reports_to_external_id !== r.external_id, {
  path: ["reports_to_external_id"], message: "a contact cannot report to themselves",
});

export const ZProductRow = z.object({
  sku: required(100),
  name: required(200),
  category: text(100),
  unit: text(50),
  list_price: decimal(14, 4, "12.50"),
  currency,
  is_active: boolean,
});

export const ZOrderRow = z.object({
  external_id: required(200),
  account_external_id: required(200),
  order_date: requiredDate,
  currency: requiredCurrency,
  amount: decimal(16, 2, "1234.50"),
  status: oneOf(ORDER_STATUSES),
  notes: text(5000),
  line_no: integer(1, 1_000_000),
  sku: text(100),
  quantity: decimal(14, 4, "3"),
  unit_price: decimal(14, 4, "99.90"),
}).superRefine((r, ctx) => {
  if (r.sku == null) {
    if (r.amount == null) ctx.addIssue({ code: "custom", path: ["amount"], message: "required when the row has no sku (an order without lines)" });
    return;
  }
  if (r.quantity == null) ctx.addIssue({ code: "custom", path: ["quantity"], message: "required for an order line (a row with a sku)" });
  if (r.unit_price == null) ctx.addIssue({ code: "custom", path: ["unit_price"], message: "required for an order line (a row with a sku)" });
});

export const ZInteractionRow = z.object({
  external_id: required(200),
  account_external_id: required(200),
  type: cellWith((v) => (v == null ? problem("required") : (enumCheck(INTERACTION_TYPES)(v) as (typeof INTERACTION_TYPES)[number] | Problem))),
  occurred_at: requiredInstant,
  duration_minutes: integer(0, 100_000),
  subject: required(300),
  summary: text(20_000),
  outcome: text(5000),
  next_step: text(5000),
  contact_external_ids: list(100),
  user_emails: cellWith((v) => {
    const values = listCheck(100)(v);
    if (values == null || values instanceof Problem) return values;
    return values.every((e) => EMAIL.test(e)) ? values.map((e) => e.toLowerCase()) : problem("use e-mail addresses separated by ;");
  }),
});

export const ROW_SCHEMAS = {
  accounts: ZAccountRow,
  contacts: ZContactRow,
  products: ZProductRow,
  orders: ZOrderRow,
  interactions: ZInteractionRow,
} as const satisfies Record<ImportEntity, z.ZodType>;

export type AccountRow = z.infer<typeof ZAccountRow>;
export type ContactRow = z.infer<typeof ZContactRow>;
export type ProductRow = z.infer<typeof ZProductRow>;
export type OrderRow = z.infer<typeof ZOrderRow>;
export type InteractionRow = z.infer<typeof ZInteractionRow>;

export interface RowProblem {
  field: string | null;
  reason: string;
}

/** Validates one row; problems are "field: what to do", one per field. */
export function parseRow<E extends ImportEntity>(entity: E, cells: Record<string, string | undefined>):
  { ok: true; value: z.infer<(typeof ROW_SCHEMAS)[E]> } | { ok: false; problems: RowProblem[] } {
  const result = ROW_SCHEMAS[entity].safeParse(cells);
  if (result.success) return { ok: true, value: result.data as z.infer<(typeof ROW_SCHEMAS)[E]> };
  const seen = new Set<string>();
  const problems: RowProblem[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    if (seen.has(field ?? "")) continue;
    seen.add(field ?? "");
    problems.push({ field, reason: field ? `${field}: ${issue.message}` : issue.message });
  }
  return { ok: false, problems };
}

export const fieldsOf = (entity: ImportEntity): readonly string[] => IMPORT_FIELDS[entity];
