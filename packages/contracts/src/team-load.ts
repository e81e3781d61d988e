import { z } from "zod";
import { ZAccountStatus, ZAccountTier } from "./accounts";
import { ZOrgRole } from "./auth";
import { ZId } from "./common";
import { ZTeamRole } from "./team";

export const ZTeamLoadAccount = z.object({
  accountId: ZId,
  name: z.string(),
  tier: ZAccountTier,
  status: ZAccountStatus,
  teamRole: ZTeamRole,
  allocationPct: z.number().int(),
});

export const ZTeamLoadUser = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZOrgRole,
  accountCount: z.number().int().describe("Accounts on whose team the user is"),
  allocationPct: z.number().int().describe("The sum of the user's allocations over those accounts"),
  overAllocated: z.boolean().describe("The allocations add up to more than 100%"),
  keyAccountCount: z.number().int().describe("Strategic and key accounts among them"),
  openTasks: z.number().int().describe("Tasks assigned to the user that are not done or cancelled"),
  byTeamRole: z.array(z.object({ teamRole: ZTeamRole, accounts: z.number().int(), allocationPct: z.number().int() })),
  accounts: z.array(ZTeamLoadAccount).describe("The drill-down: the accounts, highest allocation first"),
});
export type TTeamLoadUser = z.infer<typeof ZTeamLoadUser>;

export const ZTeamLoad = z.object({
  items: z.array(ZTeamLoadUser).describe("Active members, most allocated first"),
  overAllocatedCount: z.number().int(),
});
export type TTeamLoad = z.infer<typeof ZTeamLoad>;
