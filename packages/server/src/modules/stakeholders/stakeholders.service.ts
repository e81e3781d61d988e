import type { TPutRelationshipRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { assessStakeholderCoverage } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { findContact } from "../contacts/contacts.repository";
import { isActiveMember } from "../members/members.repository";
import { assertCanWrite } from "./stakeholders.policy";
import { presentRelationship, presentStakeholderMap, type MapContact } from "./stakeholders.presenter";
import * as repo from "./stakeholders.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment coverage is assessed at; the request's time. */
  now?: Date;
}

const AUDIT_TYPE = "stakeholder_relationship";

/** ISO instants in UTC compare correctly as strings. */
const latestOf = (values: ReadonlyArray<string | null>): string | null =>
  values.reduce<string | null>((latest, v) => (v !== null && (latest === null || v > latest) ? v : latest), null);

/**
 * Who at the account knows whom on our side, and the gaps in that coverage. Two statements
 * whatever the number of contacts; the rest is joined in memory.
 */
export async function getStakeholderMap({ db, scope, accountId, now = new Date() }: Options & { accountId: string }) {
  if (!(await accountExists(db, scope, accountId))) throw notFound("Account");
  const rows = await repo.listMapContacts(db, scope, accountId, now);
  const relationships = await repo.listMapRelationships(db, scope, accountId);
  const byContact = new Map<string, repo.MapRelationshipRow[]>();
  for (const r of relationships) byContact.set(r.contactId, [...(byContact.get(r.contactId) ?? []), r]);
  const contacts: MapContact[] = rows.map((row) => {
    const own = byContact.get(row.id) ?? [];
    return { ...row, relationships: own, lastMetAt: latestOf([row.attendedAt, ...own.map((r) => r.lastMetAt)]) };
  });
  const coverage = assessStakeholderCoverage({
    now,
    contacts: contacts.map((c) => ({
      id: c.id,
      buyingRole: c.buyingRole,
      influence: c.influence,
      attitude: c.attitude,
      lastMetAt: c.lastMetAt === null ? null : new Date(c.lastMetAt),
      ownerUserIds: c.relationships.map((r) => r.userId),
    })),
  });
  return presentStakeholderMap(accountId, contacts, coverage);
}

/** The contact must be one the caller sees; another organization's reads exactly like a nonexistent one. */
async function assertContactVisible(db: Db, scope: Scope, contactId: string) {
  if (!(await findContact(db, scope, contactId))) throw notFound("Contact");
}

/**
 * Records or changes who on our side knows a contact. A version is optional, since recording
 * has nothing to compare with; when given (0 for "not recorded yet") a stale one is refused.
 * Fields left out keep their value.
 */
export async function putRelationship({ db, scope, contactId, userId, input, expected, now = new Date() }: Options & {
  contactId: string;
  userId: string;
  input: TPutRelationshipRequest;
  expected?: ExpectedVersion;
}) {
  assertCanWrite(scope);
  const lastMetAt = input.lastMetAt == null ? input.lastMetAt : new Date(input.lastMetAt);
  if (lastMetAt && lastMetAt.getTime() > now.getTime()) throw invalid("lastMetAt", "A meeting still to come is not a meeting yet; plan it as an interaction");
  return db.transaction(async (tx) => {
    await assertContactVisible(tx, scope, contactId);
    if (!(await isActiveMember(tx, scope, userId))) throw invalid("userId", "The user must be an active member of this organization");
    const current = await repo.findRelationshipForUpdate(tx, scope, contactId, userId);
    const before = current ? presentRelationship(current) : null;
    if (expected && (current?.version ?? 0) !== expected.version) throw staleVersion(expected, before);
    const values = {
      strength: input.strength,
      lastMetAt: lastMetAt === undefined ? (current?.lastMetAt ?? null) : lastMetAt,
      notes: input.notes === undefined ? (current?.notes ?? null) : input.notes,
    };
    const row = current
      ? await repo.updateRelationship(tx, scope, contactId, userId, current.version, values)
      : await repo.insertRelationship(tx, scope, contactId, userId, values);
    if (!row) throw new AppError("CONFLICT", "Someone else recorded this relationship at the same moment; reload and try again");
    const relationship = presentRelationship(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: AUDIT_TYPE, entityId: contactId, before: before ?? undefined, after: relationship });
    return { relationship, created: !current };
  });
}

export async function deleteRelationship({ db, scope, contactId, userId, expected }: Options & { contactId: string; userId: string; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    await assertContactVisible(tx, scope, contactId);
    const current = await repo.findRelationshipForUpdate(tx, scope, contactId, userId);
    if (!current) throw notFound("Relationship");
    if (current.version !== expected.version) throw staleVersion(expected, presentRelationship(current));
    await repo.deleteRelationship(tx, scope, contactId, userId);
    await recordAudit(tx, scope, { action: "delete", entityType: AUDIT_TYPE, entityId: contactId, before: presentRelationship(current) });
  });
}
