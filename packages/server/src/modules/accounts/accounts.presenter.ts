import type { TAccount, TTierChange } from "@openkam/contracts";
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
