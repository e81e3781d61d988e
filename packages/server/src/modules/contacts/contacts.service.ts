import type { TContactDependents, TCreateContactRequest, TDeleteContactQuery, TListContactsQuery, TUpdateContactRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { findReportingCycle } from "@openkam/domain";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { assertCanWrite } from "../accounts/accounts.policy";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { presentRelationship } from "../stakeholders/stakeholders.presenter";
import { listReportingLines } from "../stakeholders/stakeholders.repository";
import { presentContact } from "./contacts.presenter";
import * as repo from "./contacts.repository";

const RESTORE_WINDOW_DAYS = 30;

interface Options {
  db: Db;
  scope: Scope;
}

export async function listContacts({ db, scope, query }: Options & { query: TListContactsQuery }) {
  const page = toPage(await repo.listContacts(db, scope, query), query.limit);
  return { items: page.items.map(presentContact), nextCursor: page.nextCursor };
}

export async function getContact({ db, scope, id }: Options & { id: string }) {
  const row = await repo.findContact(db, scope, id);
  if (!row) throw notFound("Contact");
  return presentContact(row);
}

/**
 * The account must be one the caller sees (an id from another organization
 * reads exactly like a nonexistent one). A manager must be a live contact of
 * the same account, not the contact itself nor one of its reports.
 */
async function checkReferences(tx: Db, scope: Scope, target: { accountId: string; reportsToContactId: string | null }, check: { account: boolean; manager: boolean }, selfId?: string) {
  if (check.account && !(await accountExists(tx, scope, target.accountId))) {
    throw invalid("accountId", "The account does not exist");
  }
  const managerId = target.reportsToContactId;
  if (!check.manager || !managerId) return;
  if (managerId === selfId) throw invalid("reportsToContactId", "A contact cannot report to themselves");
  const manager = await repo.findContact(tx, scope, managerId);
  if (!manager) throw invalid("reportsToContactId", "The contact this person reports to does not exist");
  if (manager.accountId !== target.accountId) throw invalid("reportsToContactId", "A contact can only report to someone at the same account");
  if (selfId && (await repo.isInManagementChain(tx, scope, managerId, selfId))) {
    throw invalid("reportsToContactId", `This would make the contact report to one of their own reports${await describeCycle(tx, scope, target.accountId, selfId, managerId)}`);
  }
}

/** Names the people on the cycle, so the user sees which line to change rather than searching the chart. */
async function describeCycle(tx: Db, scope: Scope, accountId: string, contactId: string, reportsToContactId: string): Promise<string> {
  const lines = await listReportingLines(tx, scope, accountId);
  const cycle = findReportingCycle({ contacts: lines, contactId, reportsToContactId });
  if (!cycle) return "";
  const names = new Map(lines.map((c) => [c.id, c.name]));
  return `: ${cycle.map((id) => names.get(id) ?? id).join(" → ")}`;
}

export async function createContact({ db, scope, input }: Options & { input: TCreateContactRequest }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    await checkReferences(tx, scope, { accountId: input.accountId, reportsToContactId: input.reportsToContactId ?? null }, { account: true, manager: true });
    const row = await repo.insertContact(tx, scope, { ...input, id: newId(), createdBy: scope.userId });
    const contact = presentContact(row);
    await recordAudit(tx, scope, { action: "create", entityType: "contact", entityId: row.id, after: contact });
    return contact;
  });
}

export async function updateContact({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateContactRequest; expected: ExpectedVersion }) {
  assertCanWrite(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findContactForUpdate(tx, scope, id);
    if (!current) throw notFound("Contact");
    if (current.version !== expected.version) throw staleVersion(expected, presentContact(current));
    const accountChanged = patch.accountId !== undefined && patch.accountId !== current.accountId;
    const target = {
      accountId: patch.accountId ?? current.accountId,
      reportsToContactId: patch.reportsToContactId === undefined ? current.reportsToContactId : patch.reportsToContactId,
    };
    // Reports stay within one account, so moving someone who has reports would split the hierarchy.
    if (accountChanged && (await repo.countDirectReports(tx, scope, id)) > 0) {
      throw invalid("accountId", "Other contacts report to this person; give them another manager before moving this contact to another account");
    }
    await checkReferences(tx, scope, target, { account: accountChanged, manager: accountChanged || patch.reportsToContactId !== undefined }, id);
    const row = await repo.updateContact(tx, scope, id, expected.version, patch);
    if (!row) throw staleVersion(expected, presentContact(current));
    const contact = presentContact(row);
    await recordAudit(tx, scope, { action: "update", entityType: "contact", entityId: id, before: presentContact(current), after: contact });
    return contact;
  });
}

/**
 * Deleting someone our people know, or who has reports, would silently drop those relationships and
 * leave the reports pointing at a deleted manager; so the caller says what becomes of them:
 * `delete` drops the relationships and moves the reports up to the contact's manager, `transfer`
 * hands both to another live contact of the same account. All in one transaction, each change audited.
 */
export async function deleteContact({ db, scope, id, expected, query = {} }: Options & { id: string; expected?: ExpectedVersion; query?: TDeleteContactQuery }) {
  assertCanWrite(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findContactForUpdate(tx, scope, id);
    if (!current) throw notFound("Contact");
    if (expected && current.version !== expected.version) throw staleVersion(expected, presentContact(current));
    const relationships = await repo.listRelationshipsForUpdate(tx, scope, id);
    const reports = await repo.listDirectReportsForUpdate(tx, scope, id);
    if ((relationships.length > 0 || reports.length > 0) && !query.relationships) {
      const dependents: TContactDependents = { relationships: relationships.length, directReports: reports.length };
      throw new AppError(
        "CONTACT_HAS_RELATIONSHIPS",
        `${current.name} has ${dependents.relationships} relationship(s) with our people and ${dependents.directReports} direct report(s); delete them or transfer them to another contact`,
        { current: dependents },
      );
    }
    if (query.relationships === "transfer") await transferDependents(tx, scope, current, query.to!, relationships, reports);
    else await dropDependents(tx, scope, current, relationships, reports);
    const row = await repo.setDeleted(tx, scope, id, true);
    await recordAudit(tx, scope, { action: "delete", entityType: "contact", entityId: id, before: presentContact(current), after: row && presentContact(row) });
  });
}

const RELATIONSHIP_AUDIT = "stakeholder_relationship";

async function repointReport(tx: Db, scope: Scope, report: repo.ContactRow, managerId: string | null) {
  const row = await repo.setReportsTo(tx, scope, report.id, managerId);
  await recordAudit(tx, scope, { action: "update", entityType: "contact", entityId: report.id, before: presentContact(report), after: presentContact(row) });
}

async function dropDependents(tx: Db, scope: Scope, contact: repo.ContactRow, relationships: repo.RelationshipRow[], reports: repo.ContactRow[]) {
  for (const r of relationships) {
    await repo.deleteRelationship(tx, scope, r.contactId, r.userId);
    await recordAudit(tx, scope, { action: "delete", entityType: RELATIONSHIP_AUDIT, entityId: r.contactId, before: presentRelationship(r) });
  }
  for (const report of reports) await repointReport(tx, scope, report, contact.reportsToContactId);
}

/**
 * The successor may be one of the contact's direct reports, who then takes the contact's place
 * in the chart; someone further down would end up managing their own manager, so is refused.
 */
async function transferDependents(tx: Db, scope: Scope, contact: repo.ContactRow, toId: string, relationships: repo.RelationshipRow[], reports: repo.ContactRow[]) {
  if (toId === contact.id) throw invalid("to", "Choose another contact to take the relationships over");
  const successor = await repo.findContactForUpdate(tx, scope, toId);
  if (!successor) throw invalid("to", "The contact to transfer to does not exist");
  if (successor.accountId !== contact.accountId) throw invalid("to", "Relationships can only move to a contact of the same account");
  const isDirectReport = successor.reportsToContactId === contact.id;
  if (!isDirectReport && (await repo.isInManagementChain(tx, scope, successor.id, contact.id))) {
    throw invalid("to", `${successor.name} reports to ${contact.name} through someone else; choose one of their direct reports or someone outside their team`);
  }
  for (const r of relationships) {
    const merged = await repo.mergeRelationshipInto(tx, scope, r, successor.id);
    await repo.deleteRelationship(tx, scope, r.contactId, r.userId);
    await recordAudit(tx, scope, { action: "delete", entityType: RELATIONSHIP_AUDIT, entityId: r.contactId, before: presentRelationship(r), after: { transferredTo: successor.id } });
    await recordAudit(tx, scope, { action: merged.version === 1 ? "create" : "update", entityType: RELATIONSHIP_AUDIT, entityId: successor.id, after: presentRelationship(merged) });
  }
  for (const report of reports) {
    await repointReport(tx, scope, report, report.id === successor.id ? contact.reportsToContactId : successor.id);
  }
}

export async function restoreContact({ db, scope, id }: Options & { id: string }) {
  assertCanWrite(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findContactForUpdate(tx, scope, id, { deleted: true });
    if (!current?.deletedAt) throw notFound("Deleted contact");
    if (Date.now() - current.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) {
      throw notFound("Deleted contact (deleted more than 30 days ago)");
    }
    const row = (await repo.setDeleted(tx, scope, id, false))!;
    const contact = presentContact(row);
    await recordAudit(tx, scope, { action: "restore", entityType: "contact", entityId: id, after: contact });
    return contact;
  });
}
