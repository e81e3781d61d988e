import type { TListSurveyInvitationsQuery, TSendSurveyRequest, TSurveyInvitation, TSurveyLink, TSurveySendResult } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { invitationLanguage, type SurveyLanguage } from "@openkam/domain";
import type { ServerConfig } from "../../config";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import type { Mailer } from "../../mail/mailer";
import { newPublicToken } from "../../public-links/public-token";
import { systemScope, type Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { renderSurveyInvitationMail } from "./survey-mail";
import * as sends from "./survey-sends.repository";
import { assertCanManageSurveys } from "./surveys.policy";
import * as repo from "./surveys.repository";

const DAY_MS = 86_400_000;
/** Undelivered invitations older than this are left alone: the customer has moved on. */
const RETRY_WINDOW_DAYS = 7;

export const surveyLink = (publicUrl: string, token: string) => `${publicUrl}/s/${token}`;

interface SendOptions {
  db: Db;
  scope: Scope;
  mailer: Mailer;
  config: Pick<ServerConfig, "publicUrl">;
  now?: Date;
}

export interface CreatedSend {
  sendId: string;
  accounts: number;
  invitationIds: string[];
  withoutEmail: number;
}

/**
 * Creates one sending and its invitations inside the caller's transaction: every live contact
 * with an e-mail address of the target's accounts, in the account's language unless one is
 * forced. The e-mails go out after the commit (`deliverInvitations`). Undefined when this
 * schedule's send date was already created.
 */
export async function createSend(tx: Db, scope: Scope, options: {
  surveyId: string; surveyVersion: number; defaultLanguage: SurveyLanguage; validDays: number; target: sends.SendTarget; language?: SurveyLanguage;
  schedule?: { id: string; occurrence: string }; now: Date;
}): Promise<CreatedSend | undefined> {
  const accounts = await sends.targetAccounts(tx, scope, options.target);
  const sendId = newId();
  const created = await sends.insertSend(tx, scope, {
    id: sendId, surveyId: options.surveyId, surveyVersion: options.surveyVersion, scheduleId: options.schedule?.id ?? null, occurrence: options.schedule?.occurrence ?? null,
    targetKind: options.target.kind, accountId: options.target.kind === "account" ? options.target.accountId : null,
    tier: options.target.kind === "tier" ? options.target.tier : null, createdBy: scope.userId,
  });
  if (!created) return undefined;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const people = await sends.targetContacts(tx, scope, accounts.map((a) => a.id));
  const reachable = people.filter((c) => c.email !== null && c.email.includes("@"));
  const expiresAt = new Date(options.now.getTime() + options.validDays * DAY_MS);
  const invitationIds = await sends.insertInvitations(tx, scope, reachable.map((c) => {
    const account = byId.get(c.accountId)!;
    return {
      id: newId(), surveyId: options.surveyId, surveyVersion: options.surveyVersion, sendId, accountId: c.accountId, contactId: c.id, email: c.email!.trim(),
      language: options.language ?? invitationLanguage({ accountLanguage: account.language, country: account.country, fallback: options.defaultLanguage }),
      // A placeholder nobody knows: the sender mints the real link when it claims the e-mail.
      tokenHash: newPublicToken(scope.orgId).hash,
      expiresAt,
    };
  }));
  await recordAudit(tx, scope, {
    action: "create", entityType: "survey_send", entityId: sendId,
    after: { surveyId: options.surveyId, surveyVersion: options.surveyVersion, target: options.target, schedule: options.schedule ?? null, invitations: invitationIds.length },
  });
  return { sendId, accounts: accounts.length, invitationIds, withoutEmail: people.length - reachable.length };
}

export interface DeliveryResult {
  emailed: number;
  failed: number;
  notConfigured: boolean;
}

/**
 * E-mails invitations, each once however many instances try: the sender claims the invitation
 * (and mints its link) before sending. Without SMTP the invitations are marked so, and their
 * links are copied from the invitations list instead.
 */
export async function deliverInvitations({ db, orgId, ids, mailer, config, now = new Date() }: { db: Db; orgId: string; ids: readonly string[]; mailer: Mailer; config: Pick<ServerConfig, "publicUrl">; now?: Date }): Promise<DeliveryResult & { failures: string[] }> {
  const scope = systemScope(orgId);
  const result = { emailed: 0, failed: 0, notConfigured: !mailer.enabled, failures: [] as string[] };
  if (!mailer.enabled) {
    await sends.markNotConfigured(db, scope, ids);
    return result;
  }
  for (const id of ids) {
    const context = await sends.mailContext(db, scope, id);
    if (!context) continue;
    const validDays = Math.max(1, Math.round((context.invitation.expiresAt.getTime() - context.invitation.createdAt.getTime()) / DAY_MS));
    const { token, hash } = newPublicToken(orgId);
    const expiresAt = new Date(Math.max(context.invitation.expiresAt.getTime(), now.getTime() + validDays * DAY_MS));
    if (!(await sends.claimInvitationMail(db, scope, id, { tokenHash: hash, expiresAt }))) continue;
    const message = renderSurveyInvitationMail({
      to: context.invitation.email, contactName: context.contactName, organizationName: context.organizationName,
      title: context.surveyTitle[context.invitation.language], language: context.invitation.language, link: surveyLink(config.publicUrl, token), expiresAt,
    });
    try {
      const messageId = await mailer.send(message);
      await sends.finishInvitationMail(db, scope, id, { messageId });
      result.emailed++;
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      await sends.finishInvitationMail(db, scope, id, { error: reason });
      result.failed++;
      result.failures.push(`${id}: ${reason}`);
    }
  }
  return result;
}

/** "Send now": invites the target's contacts and e-mails them. */
export async function sendSurvey({ db, scope, surveyId, input, mailer, config, now = new Date() }: SendOptions & { surveyId: string; input: TSendSurveyRequest }): Promise<TSurveySendResult> {
  assertCanManageSurveys(scope);
  const created = await db.transaction(async (tx) => {
    const survey = await repo.findSurveyForUpdate(tx, scope, surveyId);
    if (!survey) throw notFound("Survey");
    if (survey.archivedAt) throw new AppError("UNPROCESSABLE", "This survey is archived; restore it before sending");
    if (input.target.kind === "account" && !(await accountExists(tx, scope, input.target.accountId))) throw notFound("Account");
    const send = await createSend(tx, scope, {
      surveyId, surveyVersion: survey.version, defaultLanguage: survey.defaultLanguage, validDays: survey.validDays, target: input.target, language: input.language, now,
    });
    if (!send || send.accounts === 0) {
      if (input.target.kind === "account") throw notFound("Account");
      throw invalid("target", "No live account matches this target");
    }
    return send;
  });
  const delivery = await deliverInvitations({ db, orgId: scope.orgId, ids: created.invitationIds, mailer, config, now });
  return {
    sendId: created.sendId, accounts: created.accounts, invited: created.invitationIds.length, withoutEmail: created.withoutEmail,
    emailed: delivery.emailed, emailFailed: delivery.failed, emailNotConfigured: delivery.notConfigured,
  };
}

export function presentInvitation(row: { invitation: sends.InvitationRow; accountName: string; contactName: string }, now: Date): TSurveyInvitation {
  const i = row.invitation;
  return {
    id: i.id, surveyId: i.surveyId, accountId: i.accountId, accountName: row.accountName, contactId: i.contactId, contactName: row.contactName, email: i.email,
    language: i.language, status: i.respondedAt ? "responded" : i.expiresAt <= now ? "expired" : "open", mailStatus: i.mailStatus,
    sentAt: i.sentAt?.toISOString() ?? null, expiresAt: i.expiresAt.toISOString(), respondedAt: i.respondedAt?.toISOString() ?? null, createdAt: i.createdAt.toISOString(),
  };
}

export async function listInvitations({ db, scope, surveyId, query, now = new Date() }: { db: Db; scope: Scope; surveyId: string; query: TListSurveyInvitationsQuery; now?: Date }) {
  if (!(await repo.findSurvey(db, scope, surveyId))) throw notFound("Survey");
  const page = toPage(await sends.listInvitations(db, scope, surveyId, query), query.limit);
  return { items: page.items.map((row) => presentInvitation(row, now)), nextCursor: page.nextCursor };
}

/**
 * A fresh link for one invitation, for directors who hand it over themselves (no e-mail server,
 * a bounced address). It replaces the previous link, which stops working, and runs for the
 * survey's validity from now.
 */
export async function createInvitationLink({ db, scope, id, config, now = new Date() }: { db: Db; scope: Scope; id: string; config: Pick<ServerConfig, "publicUrl">; now?: Date }): Promise<TSurveyLink> {
  assertCanManageSurveys(scope);
  return db.transaction(async (tx) => {
    const row = await sends.findInvitationForUpdate(tx, scope, id);
    if (!row) throw notFound("Invitation");
    if (row.invitation.respondedAt) throw new AppError("ALREADY_ANSWERED", "This invitation was already answered");
    const { token, hash } = newPublicToken(scope.orgId);
    const expiresAt = new Date(now.getTime() + row.validDays * DAY_MS);
    await sends.replaceLink(tx, scope, id, { tokenHash: hash, expiresAt });
    await recordAudit(tx, scope, { action: "update", entityType: "survey_invitation", entityId: id, after: { link: "replaced", expiresAt: expiresAt.toISOString() } });
    return { url: surveyLink(config.publicUrl, token), expiresAt: expiresAt.toISOString() };
  });
}

/** Retries the e-mails of recent invitations that did not go out (a failed send, a sender that died). */
export async function retryUndelivered({ db, orgId, mailer, config, now = new Date() }: { db: Db; orgId: string; mailer: Mailer; config: Pick<ServerConfig, "publicUrl">; now?: Date }) {
  if (!mailer.enabled) return { emailed: 0, failed: 0, notConfigured: true, failures: [] };
  const ids = await sends.undeliveredInvitations(db, systemScope(orgId), { since: new Date(now.getTime() - RETRY_WINDOW_DAYS * DAY_MS) });
  return deliverInvitations({ db, orgId, ids: ids.map((r) => r.id), mailer, config, now });
}
