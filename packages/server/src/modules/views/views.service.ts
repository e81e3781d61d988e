import type { TCreateViewRequest, TSavedView, TUpdateViewRequest, TViewState } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { assertHasUser, assertOwnsView } from "./views.policy";
import { presentView } from "./views.presenter";
import * as repo from "./views.repository";

interface Options {
  db: Db;
  scope: Scope;
}

export async function listViews({ db, scope, entity }: Options & { entity: TSavedView["entity"] }) {
  const rows = await repo.listViews(db, scope, entity);
  return { items: rows.map((row) => presentView(row, scope)) };
}

export async function createView({ db, scope, input }: Options & { input: TCreateViewRequest }) {
  assertHasUser(scope);
  const row = await repo.insertView(db, scope, {
    id: newId(), userId: scope.userId, entity: input.entity, name: input.name, state: input.state, shared: input.shared ?? false,
  });
  return presentView(row, scope);
}

export async function updateView({ db, scope, id, input, expected }: Options & { id: string; input: TUpdateViewRequest; expected: ExpectedVersion }) {
  assertHasUser(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findViewForUpdate(tx, scope, id);
    if (!current) throw notFound("View");
    assertOwnsView(scope, current);
    if (current.version !== expected.version) throw staleVersion(expected, presentView(current, scope));
    const patch: { name?: string; state?: TViewState; shared?: boolean } = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.state !== undefined) patch.state = input.state;
    if (input.shared !== undefined) patch.shared = input.shared;
    const row = await repo.updateView(tx, scope, id, expected.version, patch);
    if (!row) throw staleVersion(expected, presentView(current, scope));
    return presentView(row, scope);
  });
}

export async function deleteView({ db, scope, id }: Options & { id: string }) {
  assertHasUser(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findViewForUpdate(tx, scope, id);
    if (!current) throw notFound("View");
    assertOwnsView(scope, current);
    await repo.deleteView(tx, scope, id);
  });
}
