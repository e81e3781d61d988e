import { z } from "zod";
import { ZCurrency, ZDateTime, ZId, ZRequiredText, ZVersion } from "./common";
import { noNul } from "./users";

/** Whether the runtime knows the IANA time zone (Intl throws a RangeError for unknown ones). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "Use an IANA time zone such as Asia/Shanghai or Europe/Berlin")
  .describe("An IANA time zone");

export const ZOrganization = z.object({
  id: ZId,
  name: z.string(),
  defaultCurrency: z.string(),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timezone: z.string(),
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZUpdateOrganizationRequest = z
  .object({
    name: ZRequiredText(200).refine(noNul, "Remove the NUL character").optional(),
    defaultCurrency: ZCurrency.optional(),
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional().describe("The month (1-12) the fiscal year starts in"),
    timezone: ZTimeZone.optional(),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateOrganizationRequest = z.infer<typeof ZUpdateOrganizationRequest>;
