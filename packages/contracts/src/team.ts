import { TEAM_ROLES } from "@openkam/domain";
import { z } from "zod";
import { ZTeamMember } from "./accounts";
import { ZId, ZVersion } from "./common";

export const ZTeamRole = z.enum(TEAM_ROLES).describe("The member's part in the account team");

export const ZTeamParams = z.object({ id: ZId.describe("The account id") });
export const ZTeamMemberParams = z.object({ id: ZId.describe("The account id"), userId: ZId.describe("The user id") });

export const ZPutTeamMemberRequest = z
  .object({
    teamRole: ZTeamRole,
    allocationPct: z.number().int().min(0).max(100).describe("Share of the member's working time for this account, 0-100"),
    version: ZVersion.optional().describe("When updating: the version you read; a stale one is refused with 409"),
  })
  .strict();
export type TPutTeamMemberRequest = z.infer<typeof ZPutTeamMemberRequest>;

export const ZTeamList = z.object({ items: z.array(ZTeamMember) });
export type TTeamList = z.infer<typeof ZTeamList>;
