import { z } from "zod";
import { ZApiToken, ZCreateApiTokenRequest, ZOrgRole } from "./auth";
import { ZDateTime, ZId, ZListQuery, ZPage, ZRequiredText, ZVersion } from "./common";

/** PostgreSQL text cannot hold NUL characters; refuse them as input rather than fail on storing them. */
export const noNul = (v: string) => !v.includes("\u0000");
const NUL_MESSAGE = "Remove the NUL character";
const ZName = ZRequiredText(200).refine(noNul, NUL_MESSAGE);

/** A member of the organization: the person and their membership (role, active, version). */
export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  role: ZOrgRole,
  isActive: z.boolean().describe("False when the membership is deactivated; the person can no longer sign in to this organization"),
  createdAt: ZDateTime,
  version: z.number().int().describe("The membership's version (ETag)"),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserPage = ZPage(ZUser);

export const ZListUsersQuery = ZListQuery.extend({
  q: z.string().trim().max(200).refine(noNul, NUL_MESSAGE).optional().describe("Text search on name and e-mail"),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("Only active (true) or deactivated (false) members"),
});
export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

export const ZPassword = z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters");

export const ZCreateUserRequest = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(320),
    name: ZName,
    password: ZPassword.describe("Ignored when a person with this e-mail already exists: they are added to the organization as they are"),
    role: ZOrgRole,
  })
  .strict();
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    role: ZOrgRole.optional(),
    isActive: z.boolean().optional().describe("false deactivates the membership; true reactivates it"),
    version: ZVersion.optional(),
  })
  .strict();
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZUserOption = z.object({ id: ZId, name: z.string() });
export const ZUserOptions = z.object({ items: z.array(ZUserOption) });
export type TUserOptions = z.infer<typeof ZUserOptions>;

export const LOCALES = ["zh-CN", "en"] as const;
export const ZLocale = z.enum(LOCALES);

export const ZProfile = z.object({ id: ZId, email: z.string(), name: z.string(), locale: ZLocale.nullable() });
export type TProfile = z.infer<typeof ZProfile>;

export const ZUpdateProfileRequest = z
  .object({
    name: ZName.optional(),
    locale: ZLocale.nullable().optional(),
    currentPassword: z.string().min(1).max(1000).optional().describe("Required to set a new password"),
    newPassword: ZPassword.optional().describe("Changing it signs out your other sessions"),
  })
  .strict()
  .refine((v) => v.newPassword === undefined || v.currentPassword !== undefined, {
    path: ["currentPassword"],
    message: "Enter your current password to set a new one",
  });
export type TUpdateProfileRequest = z.infer<typeof ZUpdateProfileRequest>;

/** API tokens as listed: admins see every token of the organization, so each carries its owner. */
export const ZApiTokenListItem = ZApiToken.extend({
  owner: z.object({ id: ZId, name: z.string(), email: z.string() }),
});
export type TApiTokenListItem = z.infer<typeof ZApiTokenListItem>;
export const ZApiTokenList = z.object({ items: z.array(ZApiTokenListItem) });

/** The body POST /api/tokens accepts: the token request, with no unknown fields and no NUL in the name. */
export const ZCreateApiTokenBody = ZCreateApiTokenRequest.extend({ name: ZCreateApiTokenRequest.shape.name.refine(noNul, NUL_MESSAGE) }).strict();
