import type { TCreateUserRequest, TListUsersQuery, TUpdateUserRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { hashPassword } from "../../auth/secrets";
import { revokeUserAccess } from "../../auth/sessions.repository";
import { AppError, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanListUsers, assertCanManageUsers, removesActiveAdmin } from "./users.policy";
import { presentUser } from "./users.presenter";
import * as repo from "./users.repository";

interface Options {
  db: Db;
  scope: Scope;
}

export async function listUsers({ db, scope, query }: Options & { query: TListUsersQuery }) {
  assertCanListUsers(scope);
  const page = toPage(await repo.listMembers(db, scope, query), query.limit);
  return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
}

export async function getUser({ db, scope, id }: Options & { id: string }) {
  assertCanListUsers(scope);
  const row = await repo.findMember(db, scope, id);
  if (!row) throw notFound("User");
  return presentUser(row);
}

/** Any member may pick owners and assignees among the active members. */
export async function listUserOptions({ db, scope }: Options) {
  return { items: await repo.listActiveMemberNames(db, scope) };
}

/**
 * Adds a person to the organization. A person who already has an account
 * (same e-mail) joins with their existing name and password: an admin of one
 * organization must not be able to reset the password of someone who also
 * works elsewhere.
 */
export async function createUser({ db, scope, input }: Options & { input: TCreateUserRequest }) {
  assertCanManageUsers(scope);
  // argon2 is slow on purpose: hash before the transaction, and only for a new person.
  const known = await repo.findUserByEmail(db, input.email);
  const passwordHash = known ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const person = (await repo.findUserByEmail(tx, input.email))
      ?? (await repo.insertUser(tx, { id: newId(), email: input.email, name: input.name, passwordHash: passwordHash ?? (await hashPassword(input.password)) }));
    if (await repo.findMember(tx, scope, person.id)) {
      throw new AppError("ALREADY_EXISTS", "This person is already a member of the organization", { errors: [{ field: "email", message: "Already a member" }] });
    }
    await repo.insertMembership(tx, scope, person.id, input.role);
    const user = presentUser((await repo.findMember(tx, scope, person.id))!);
    await recordAudit(tx, scope, { action: "create", entityType: "membership", entityId: person.id, after: user });
    return user;
  });
}

/**
 * Changes a member's role or (de)activates the membership. A role change or a
 * deactivation ends the member's sessions and API tokens in this organization
 * at once, in the same transaction, so no request runs on the old role.
 */
export async function updateUser({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateUserRequest; expected: ExpectedVersion }) {
  assertCanManageUsers(scope);
  return db.transaction(async (tx) => {
    const admins = await repo.lockActiveAdmins(tx, scope);
    const current = await repo.findMember(tx, scope, id, { forUpdate: true });
    if (!current) throw notFound("User");
    if (current.version !== expected.version) throw staleVersion(expected, presentUser(current));
    const next = { role: input.role ?? current.role, isActive: input.isActive ?? current.isActive };
    if (removesActiveAdmin(current, next) && admins.every((adminId) => adminId === id)) {
      throw new AppError("UNPROCESSABLE", "The organization needs at least one active admin; make someone else admin first");
    }
    const updated = await repo.updateMembership(tx, scope, id, expected.version, next);
    if (!updated) throw staleVersion(expected, presentUser(current));
    if (next.role !== current.role || (current.isActive && !next.isActive)) await revokeUserAccess(tx, scope.orgId, id);
    const user = presentUser((await repo.findMember(tx, scope, id))!);
    await recordAudit(tx, scope, { action: "update", entityType: "membership", entityId: id, before: presentUser(current), after: user });
    return user;
  });
}
