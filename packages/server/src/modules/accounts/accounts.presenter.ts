import type { TAccount, TTierChange } from "@openkam/contracts";
import { accounts } from "@openkam/db";
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { AccountRow, listTierChanges } from "./accounts.repository";

/** The wire shape of an account: never a raw row (no org_id, internal columns or Date objects). */
export function presentAccount(row: AccountRow): TAccount {
  return {
    id: row.id,
    name: row.name,
    legalName: row.legalName,
    industry: row.industry,
    region: row.region,
    country: row.country,
    currency: row.currency,
    size: row.size,
    tier: row.tier,
    status: row.status,
    ownerUserId: row.ownerUserId,
    parentAccountId: row.parentAccountId,
    tags: row.tags,
    customFields: row.customFields,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** A timestamp as `Date.toISOString()` writes it (UTC, milliseconds cut off, not rounded, as the driver does). */
const isoTimestamp = (column: PgColumn): SQL => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * presentAccount, written by PostgreSQL: the list query returns each account
 * as JSON text that goes into the response as it is, instead of decoding 50
 * rows into objects and dates and encoding them again, which was most of a
 * list request's CPU. Keep it in step with presentAccount above;
 * accounts-list-json.int.test.ts checks that the two agree field by field.
 */
export const accountJson: SQL<string> = sql<string>`json_build_object(
  'id', ${accounts.id}, 'name', ${accounts.name}, 'legalName', ${accounts.legalName}, 'industry', ${accounts.industry},
  'region', ${accounts.region}, 'country', ${accounts.country}, 'currency', ${accounts.currency}, 'size', ${accounts.size},
  'tier', ${accounts.tier}, 'status', ${accounts.status}, 'ownerUserId', ${accounts.ownerUserId},
  'parentAccountId', ${accounts.parentAccountId}, 'tags', ${accounts.tags}, 'customFields', ${accounts.customFields},
  'externalId', ${accounts.externalId}, 'createdAt', ${isoTimestamp(accounts.createdAt)}, 'updatedAt', ${isoTimestamp(accounts.updatedAt)},
  'deletedAt', ${isoTimestamp(accounts.deletedAt)}, 'version', ${accounts.version})::text`;

/** A page of accounts as JSON text, from rows that carry their own JSON. */
export function accountPageJson(page: { items: Array<{ json: string }>; nextCursor: string | null }): string {
  return `{"items":[${page.items.map((r) => r.json).join(",")}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
}

type TierChangeRow = Awaited<ReturnType<typeof listTierChanges>>[number];

export function presentTierChange(row: TierChangeRow): TTierChange {
  return {
    id: row.id,
    fromTier: row.fromTier,
    toTier: row.toTier,
    reason: row.reason,
    runId: row.runId,
    changedAt: row.changedAt.toISOString(),
    changedBy: row.changedBy ? { id: row.changedBy, name: row.changedByName ?? "" } : null,
  };
}
