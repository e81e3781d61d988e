import type { TTeamMember } from "@openkam/contracts";
import type { TeamMemberView } from "./team.repository";

/** The wire shape of a team member, with the user's name and e-mail so lists need no second lookup. */
export function presentTeamMember(row: TeamMemberView): TTeamMember {
  return {
    accountId: row.accountId,
    userId: row.userId,
    userName: row.userName,
    userEmail: row.userEmail,
    teamRole: row.teamRole,
    allocationPct: row.allocationPct,
    version: row.version,
  };
}
