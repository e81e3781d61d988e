import type { ZCreateApiTokenRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import type { z } from "zod";
import { TOKEN_PREFIX } from "../../auth/authenticate";
import { newSecret, sha256 } from "../../auth/secrets";
import { invalid, notFound } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanCreateToken, tokenOwnerFilter } from "./tokens.policy";
import { presentToken, presentTokenWithOwner } from "./tokens.presenter";
import * as repo from "./tokens.repository";

type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

/** Enough of the token to tell tokens apart in a list, far too little to guess the rest. */
const DISPLAY_PREFIX_LENGTH = 12;

interface Options {
  db: Db;
  scope: Scope;
}

export async function listTokens({ db, scope }: Options) {
  return { items: (await repo.listTokens(db, scope, tokenOwnerFilter(scope))).map(presentTokenWithOwner) };
}

/** Mints a token; the secret is returned once and only its SHA-256 is stored. */
export async function createToken({ db, scope, input, now = new Date() }: Options & { input: TCreateApiTokenRequest; now?: Date }) {
  const role = input.role ?? scope.role;
  assertCanCreateToken(scope, role);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw invalid("expiresAt", "The expiry must be in the future");
  const secret = newSecret(TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, scope, {
      id: newId(), userId: scope.userId!, name: input.name, prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH), tokenHash: sha256(secret), role, expiresAt,
    });
    const token = presentToken(row);
    await recordAudit(tx, scope, { action: "create", entityType: "api_token", entityId: row.id, after: token });
    return { ...token, token: secret };
  });
}

/** Revokes a token at once; revoking a revoked token is a no-op. */
export async function revokeToken({ db, scope, id }: Options & { id: string }) {
  await db.transaction(async (tx) => {
    const current = await repo.findToken(tx, scope, id, tokenOwnerFilter(scope));
    if (!current) throw notFound("API token");
    const row = await repo.revokeToken(tx, scope, id);
    if (row) await recordAudit(tx, scope, { action: "delete", entityType: "api_token", entityId: id, before: presentToken(current), after: presentToken(row) });
  });
}
