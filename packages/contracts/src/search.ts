import { z } from "zod";
import { ZAccountTier } from "./accounts";
import { ZId } from "./common";

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1, "Required").max(200).describe("Text to find in account and contact names"),
  limit: z.coerce.number().int().min(1).max(20).default(8).describe("Most results per kind, 1-20"),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZSearchAccountHit = z.object({
  id: ZId,
  name: z.string(),
  tier: ZAccountTier,
  region: z.string().nullable(),
  industry: z.string().nullable(),
});
export const ZSearchContactHit = z.object({
  id: ZId,
  name: z.string(),
  title: z.string().nullable(),
  accountId: ZId,
  accountName: z.string(),
});

export const ZSearchResult = z.object({
  accounts: z.array(ZSearchAccountHit).describe("Accounts you can see whose name or legal name matches; names starting with the text first"),
  contacts: z.array(ZSearchContactHit).describe("Contacts of accounts you can see whose name or e-mail matches"),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
