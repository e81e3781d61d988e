import type { TTeamMember } from "@openkam/contracts";
import type { TeamRole } from "@openkam/domain/enums/index";

/** What the team form edits; the allocation is "" while the field is empty. */
export interface TeamMemberValues {
  userId: string | null;
  teamRole: TeamRole;
  allocationPct: number | "";
}

/** The fields a team member's version covers, as the conflict helpers compare them. */
export interface TeamMemberFields {
  teamRole: TeamRole;
  allocationPct: number;
}

export type TeamMemberError = "required" | "allocationRange";

/** The server's rule (team.policy.ts), so nobody sees buttons the server would refuse. */
export { canManageTeam } from "@openkam/domain/access/roles";

export function blankTeamMember(): TeamMemberValues {
  return { userId: null, teamRole: "sales", allocationPct: 0 };
}

export function teamMemberValues(member: TTeamMember): TeamMemberValues {
  return { userId: member.userId, teamRole: member.teamRole, allocationPct: member.allocationPct };
}

export function teamMemberFields(member: Pick<TTeamMember, "teamRole" | "allocationPct">): TeamMemberFields {
  return { teamRole: member.teamRole, allocationPct: member.allocationPct };
}

/** The checks the browser can make before sending; the server checks them again. */
export function validateTeamMember(values: TeamMemberValues): Partial<Record<keyof TeamMemberValues, TeamMemberError>> {
  const errors: Partial<Record<keyof TeamMemberValues, TeamMemberError>> = {};
  if (!values.userId) errors.userId = "required";
  if (values.allocationPct === "") errors.allocationPct = "required";
  else if (!Number.isInteger(values.allocationPct) || values.allocationPct < 0 || values.allocationPct > 100) errors.allocationPct = "allocationRange";
  return errors;
}

/** The users who can still be added: active members of the organization not on the team yet. */
export function addableUsers<T extends { id: string }>(users: readonly T[], team: readonly Pick<TTeamMember, "userId">[]): T[] {
  const onTeam = new Set(team.map((m) => m.userId));
  return users.filter((u) => !onTeam.has(u.id));
}
