import type { TNotificationListQuery, TPutNotificationPreferencesRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { AppError, notFound } from "../../http/app-error";
import { decodeCursor, encodeCursor } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { recordAudit } from "../audit/audit.repository";
import { presentNotification, presentPreferences } from "./notifications.presenter";
import * as repo from "./notifications.repository";

interface Options {
  db: Db;
  scope: Scope;
}

function userOf(scope: Scope): string {
  if (scope.userId === null) throw new AppError("FORBIDDEN", "Notifications belong to a signed-in user");
  return scope.userId;
}

/** The caller's notifications, newest first, with the number still unread. */
export async function listNotifications({ db, scope, query }: Options & { query: TNotificationListQuery }) {
  userOf(scope);
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor).id;
  const [rows, unreadCount] = await Promise.all([
    repo.listMyNotifications(db, scope, { limit: query.limit, beforeId, unreadOnly: query.unreadOnly }),
    repo.countMyUnread(db, scope),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentNotification),
    nextCursor: rows.length > query.limit && last ? encodeCursor("id", last.id) : null,
    unreadCount,
  };
}

/**
 * Read marks are the reader's own state, not a change to the organization's records, so they
 * are not audited (an audit entry per opened notification would drown the trail).
 */
export async function markNotificationRead({ db, scope, id }: Options & { id: string }) {
  userOf(scope);
  if (!(await repo.markRead(db, scope, id))) throw notFound("Notification");
}

export async function markAllNotificationsRead({ db, scope }: Options) {
  userOf(scope);
  return { updated: await repo.markAllRead(db, scope) };
}

export async function getPreferences({ db, scope }: Options) {
  return presentPreferences(await repo.findPreferences(db, scope, userOf(scope)));
}

/** The version is optional: 0 while the defaults apply; a stale one is refused. */
export async function putPreferences({ db, scope, input, expected }: Options & { input: TPutNotificationPreferencesRequest; expected?: ExpectedVersion }) {
  const userId = userOf(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findPreferences(tx, scope, userId, { forUpdate: true });
    const before = presentPreferences(current);
    if (expected && before.version !== expected.version) throw staleVersion(expected, before);
    const values = { cadenceReminderEmail: input.cadenceReminderEmail };
    const row = current ? await repo.updatePreferences(tx, scope, userId, current.version, values) : await repo.insertPreferences(tx, scope, userId, values);
    if (!row) throw new AppError("CONFLICT", "Your preferences were changed at the same moment elsewhere; reload and try again");
    const after = presentPreferences(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "notification_preferences", entityId: userId, before: current ? before : undefined, after });
    return after;
  });
}
