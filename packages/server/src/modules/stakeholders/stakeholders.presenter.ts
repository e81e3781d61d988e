import type { TStakeholderMap, TStakeholderRelationship } from "@openkam/contracts";
import type { CoverageWarning } from "@openkam/domain";
import type { MapContactRow, MapRelationshipRow, RelationshipRow } from "./stakeholders.repository";

export function presentRelationship(row: RelationshipRow): TStakeholderRelationship {
  return {
    contactId: row.contactId,
    userId: row.userId,
    strength: row.strength,
    lastMetAt: row.lastMetAt?.toISOString() ?? null,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface MapContact extends MapContactRow {
  lastMetAt: string | null;
  relationships: MapRelationshipRow[];
}

export function presentStakeholderMap(accountId: string, contacts: readonly MapContact[], coverage: readonly CoverageWarning[]): TStakeholderMap {
  return {
    accountId,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      department: c.department,
      buyingRole: c.buyingRole,
      influence: c.influence,
      attitude: c.attitude,
      reportsToContactId: c.reportsToContactId,
      lastMetAt: c.lastMetAt,
      relationships: c.relationships.map((r) => ({ userId: r.userId, userName: r.userName, strength: r.strength, lastMetAt: r.lastMetAt, version: r.version })),
    })),
    coverage: coverage.map((w) => ({ code: w.code, contactIds: w.contactIds, userIds: w.userIds })),
  };
}
