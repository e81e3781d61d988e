import { ORG_ROLES } from "@openkam/domain";
import { z } from "zod";
import { ZDateTime, ZId } from "./common";

export const ZOrgRole = z.enum(ORG_ROLES);

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(320),
  password: z.string().min(1, "Required").max(1000),
  organizationId: ZId.optional().describe("Which organization to sign in to; defaults to the first one"),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMe = z.object({
  user: z.object({ id: ZId, email: z.string(), name: z.string(), locale: z.string().nullable() }),
  organization: z.object({ id: ZId, name: z.string(), defaultCurrency: z.string(), fiscalYearStartMonth: z.number().int(), timezone: z.string() }),
  role: ZOrgRole,
  organizations: z.array(z.object({ id: ZId, name: z.string(), role: ZOrgRole })),
  csrfToken: z.string().nullable().describe("Send as X-CSRF-Token on writes made with the session cookie"),
  authenticatedBy: z.enum(["session", "token"]),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSwitchOrgRequest = z.object({ organizationId: ZId });

export const ZApiToken = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  role: ZOrgRole,
  createdAt: ZDateTime,
  lastUsedAt: ZDateTime.nullable(),
  expiresAt: ZDateTime.nullable(),
  revokedAt: ZDateTime.nullable(),
});
export const ZCreateApiTokenRequest = z.object({
  name: z.string().trim().min(1, "Required").max(100),
  role: ZOrgRole.optional().describe("Defaults to your own role; cannot exceed it"),
  expiresAt: ZDateTime.optional(),
});
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string().describe("Shown once; store it now") });
