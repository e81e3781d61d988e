import type { TContact } from "@openkam/contracts";
import type { ContactRow } from "./contacts.repository";

/** The wire shape of a contact: never a raw row (no org_id, internal columns or Date objects). */
export function presentContact(row: ContactRow): TContact {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    title: row.title,
    department: row.department,
    email: row.email,
    phone: row.phone,
    buyingRole: row.buyingRole,
    influence: row.influence,
    attitude: row.attitude,
    reportsToContactId: row.reportsToContactId,
    notes: row.notes,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
  };
}
