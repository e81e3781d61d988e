import type { TActivityFeedQuery, TActivityItem } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { decodeCursor, encodeCursor } from "../../http/cursor";
import type { Scope } from "../../tenancy/scope";
import { listActivity, type ActivityRow } from "./activity-feed.repository";

function presentActivity(row: ActivityRow): TActivityItem {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName ?? "" } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    accountId: row.accountId,
    accountName: row.accountName,
    label: row.label,
    excerpt: row.excerpt,
  };
}

/** What happened on the caller's visible accounts (or only those they own or work on), newest first. */
export async function listActivityFeed({ db, scope, query }: { db: Db; scope: Scope; query: TActivityFeedQuery }) {
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor).id;
  const rows = await listActivity(db, scope, { limit: query.limit, beforeId, mine: query.mine });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map(presentActivity), nextCursor: rows.length > query.limit && last ? encodeCursor("id", last.id) : null };
}
