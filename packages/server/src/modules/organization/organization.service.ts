import type { TUpdateOrganizationRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { AppError } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { assertCanChangeOrganization } from "./organization.policy";
import { presentOrganization } from "./organization.presenter";
import * as repo from "./organization.repository";

interface Options {
  db: Db;
  scope: Scope;
}

export async function getOrganization({ db, scope }: Options) {
  const row = await repo.findOrganization(db, scope);
  // The session resolved to this organization a moment ago; its absence means the caller's access is gone.
  if (!row) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return presentOrganization(row);
}

export async function updateOrganization({ db, scope, input, expected }: Options & { input: TUpdateOrganizationRequest; expected: ExpectedVersion }) {
  assertCanChangeOrganization(scope);
  const { version: _version, ...patch } = input;
  return db.transaction(async (tx) => {
    const current = await repo.findOrganization(tx, scope, { forUpdate: true });
    if (!current) throw new AppError("UNAUTHENTICATED", "Sign in first");
    if (current.version !== expected.version) throw staleVersion(expected, presentOrganization(current));
    const row = await repo.updateOrganization(tx, scope, expected.version, patch);
    if (!row) throw staleVersion(expected, presentOrganization(current));
    const organization = presentOrganization(row);
    await recordAudit(tx, scope, { action: "update", entityType: "organization", entityId: scope.orgId, before: presentOrganization(current), after: organization });
    return organization;
  });
}
