import type { TPutTeamMemberRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { isActiveMember } from "../members/members.repository";
import { assertCanManageTeam } from "./team.policy";
import { presentTeamMember } from "./team.presenter";
import * as repo from "./team.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const AUDIT_TYPE = "account_team_member";

/** Accounts outside the caller's reach (other organizations included) answer 404. */
async function assertAccountVisible(db: Db, scope: Scope, accountId: string) {
  if (!(await accountExists(db, scope, accountId))) throw notFound("Account");
}

export async function listTeam({ db, scope, accountId }: Options & { accountId: string }) {
  await assertAccountVisible(db, scope, accountId);
  return { items: (await repo.listTeam(db, scope, accountId)).map(presentTeamMember) };
}

/**
 * Adds the user to the team or changes their part in it. A version (If-Match
 * or body) is optional here, since adding has nothing to compare with; when
 * given, a stale one is refused like any update.
 */
export async function putTeamMember({ db, scope, accountId, userId, input, expected }: Options & {
  accountId: string;
  userId: string;
  input: TPutTeamMemberRequest;
  expected?: ExpectedVersion;
}) {
  assertCanManageTeam(scope);
  const values = { teamRole: input.teamRole, allocationPct: input.allocationPct };
  return db.transaction(async (tx) => {
    await assertAccountVisible(tx, scope, accountId);
    if (!(await isActiveMember(tx, scope, userId))) throw invalid("userId", "The user must be an active member of this organization");
    const current = await repo.findTeamMemberForUpdate(tx, scope, accountId, userId);
    if (expected && current?.version !== expected.version) throw staleVersion(expected, current ? presentTeamMember(current) : null);
    if (current) {
      await repo.updateTeamMember(tx, scope, accountId, userId, values);
    } else if (!(await repo.insertTeamMember(tx, scope, { accountId, userId, ...values }))) {
      throw new AppError("CONFLICT", "Someone else added this user to the team at the same moment; reload the team");
    }
    const member = presentTeamMember((await repo.findTeamMember(tx, scope, accountId, userId))!);
    await recordAudit(tx, scope, {
      action: current ? "update" : "create",
      entityType: AUDIT_TYPE,
      entityId: accountId,
      before: current ? presentTeamMember(current) : undefined,
      after: member,
    });
    return { member, created: !current };
  });
}

export async function removeTeamMember({ db, scope, accountId, userId, expected }: Options & { accountId: string; userId: string; expected?: ExpectedVersion }) {
  assertCanManageTeam(scope);
  await db.transaction(async (tx) => {
    await assertAccountVisible(tx, scope, accountId);
    const current = await repo.findTeamMemberForUpdate(tx, scope, accountId, userId);
    if (!current) throw notFound("Team member");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentTeamMember(current));
    await repo.deleteTeamMember(tx, scope, accountId, userId);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: accountId, before: presentTeamMember(current) });
  });
}
