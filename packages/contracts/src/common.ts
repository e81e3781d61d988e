import { z } from "zod";

export const ZId = z.uuid().describe("A record id (UUID)");

/** ISO 4217 currency code, upper case. */
export const ZCurrency = z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as CNY, USD or EUR");

/** An exact decimal amount as a string (money never passes through floating point). */
export const ZMoney = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, "Use a decimal amount with at most 2 decimals, e.g. 1234.50"));

export const ZDecimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^-?\d{1,14}(\.\d{1,4})?$/, "Use a decimal number with at most 4 decimals"));

export const ZDate = z.iso.date().describe("A calendar date, YYYY-MM-DD");
export const ZDateTime = z.iso.datetime({ offset: true }).describe("An ISO 8601 timestamp with time zone");

const NUL_MESSAGE = "Text may not contain NUL characters";
/** PostgreSQL text cannot hold NUL characters; refuse them with a field error instead of a database error. */
export const withoutNul = <T extends z.ZodString>(schema: T) => schema.refine((v) => !v.includes("\u0000"), NUL_MESSAGE);

/** Optional text: trimmed, empty becomes null. */
export const ZOptionalText = (max: number) =>
  withoutNul(z.string().trim().max(max)).transform((v) => (v === "" ? null : v)).nullable().optional();

export const ZRequiredText = (max: number) => withoutNul(z.string().trim().min(1, "Required").max(max));

/** The nesting depth of a JSON value, walked without recursion so hostile input cannot exhaust the stack. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Page size, 1-200"),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page"),
  q: withoutNul(z.string().trim().max(200)).optional().describe("Text search on names"),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to get the next page; null on the last page"),
  });

/** RFC 9457 problem details, with per-field messages for validation errors. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().describe("A stable machine-readable error code"),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  current: z.unknown().optional().describe("On version conflicts: the record as it is now"),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZVersion = z.number().int().min(1).describe("The version you read; a stale one is refused with 409");

export const ZIdParams = z.object({ id: ZId });

/** Boolean from a query string: true/false/1/0. */
export const ZQueryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
