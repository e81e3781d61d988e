import type { TUpdateProfileRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { hashPassword, verifyPassword } from "../../auth/secrets";
import { AppError, invalid } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { presentProfile } from "./users.presenter";
import * as repo from "./users.repository";

export interface ProfileOptions {
  db: Db;
  scope: Scope;
  /** The session making the change: it stays signed in when the password changes. Null for API tokens. */
  sessionTokenHash: string | null;
  input: TUpdateProfileRequest;
}

/** The signed-in person changes their own name, language or password. */
export async function updateProfile({ db, scope, sessionTokenHash, input }: ProfileOptions) {
  const userId = scope.userId;
  if (!userId) throw new AppError("FORBIDDEN", "Only a signed-in person has a profile");
  const before = await repo.findUserById(db, userId);
  if (!before) throw new AppError("UNAUTHENTICATED", "Sign in first");
  let passwordHash: string | undefined;
  if (input.newPassword !== undefined) {
    // An integration's token must not be able to take over the person's sign-in.
    if (!sessionTokenHash) throw new AppError("FORBIDDEN", "Change the password while signed in, not with an API token");
    if (!(await verifyPassword(before.passwordHash, input.currentPassword ?? ""))) {
      throw invalid("currentPassword", "The current password is not correct");
    }
    passwordHash = await hashPassword(input.newPassword);
  }
  return db.transaction(async (tx) => {
    const row = await repo.updateUser(tx, userId, before.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (!row) throw new AppError("CONFLICT", "Your profile changed meanwhile; reload and try again");
    if (passwordHash) await repo.deleteOtherSessions(tx, userId, sessionTokenHash);
    const profile = presentProfile(row);
    await recordAudit(tx, scope, {
      action: "update", entityType: "user", entityId: userId, before: presentProfile(before),
      after: { ...profile, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return profile;
  });
}
