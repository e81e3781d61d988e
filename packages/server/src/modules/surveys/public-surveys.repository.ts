import { accounts, contacts, surveyInvitations, surveyResponses, surveyVersions, type Db } from "@openkam/db";
import type { SurveyDefinition } from "@openkam/domain";
import { and, eq, isNull } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type ResponseRow = typeof surveyResponses.$inferSelect;

/**
 * The invitation behind a link, with what its page needs: the definition it was sent with, the
 * account's display name and the response if there is one. Always `org_id = $1 and token_hash = $2`.
 */
export async function findByToken(db: Db, scope: Scope, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  const query = db.orm
    .select({
      invitation: surveyInvitations,
      definition: surveyVersions.definition,
      accountName: accounts.name,
      contactName: contacts.name,
      response: { id: surveyResponses.id, submissionId: surveyResponses.submissionId, submittedAt: surveyResponses.submittedAt },
    })
    .from(surveyInvitations)
    .innerJoin(surveyVersions, and(eq(surveyVersions.orgId, surveyInvitations.orgId), eq(surveyVersions.surveyId, surveyInvitations.surveyId), eq(surveyVersions.version, surveyInvitations.surveyVersion)))
    .innerJoin(accounts, and(eq(accounts.orgId, surveyInvitations.orgId), eq(accounts.id, surveyInvitations.accountId)))
    .innerJoin(contacts, and(eq(contacts.orgId, surveyInvitations.orgId), eq(contacts.id, surveyInvitations.contactId)))
    .leftJoin(surveyResponses, and(eq(surveyResponses.orgId, surveyInvitations.orgId), eq(surveyResponses.invitationId, surveyInvitations.id)))
    .where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.tokenHash, tokenHash), isNull(accounts.deletedAt), isNull(contacts.deletedAt)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: surveyInvitations }) : await query;
  return row ? { ...row, definition: row.definition as SurveyDefinition } : undefined;
}

/** Undefined when the submission id is already taken (by another invitation's response). */
export async function insertResponse(tx: Db, scope: Scope, values: Omit<typeof surveyResponses.$inferInsert, "orgId">) {
  inOrg(scope, surveyResponses.orgId);
  const [row] = await tx.orm.insert(surveyResponses).values({ ...values, orgId: scope.orgId }).onConflictDoNothing().returning();
  return row;
}

export async function markResponded(tx: Db, scope: Scope, invitationId: string, at: Date): Promise<void> {
  await tx.orm.update(surveyInvitations).set({ respondedAt: at }).where(and(inOrg(scope, surveyInvitations.orgId), eq(surveyInvitations.id, invitationId)));
}

export async function linkFeedback(tx: Db, scope: Scope, responseId: string, feedbackItemId: string): Promise<void> {
  await tx.orm.update(surveyResponses).set({ feedbackItemId }).where(and(inOrg(scope, surveyResponses.orgId), eq(surveyResponses.id, responseId)));
}
