import type { TOrganization } from "@openkam/contracts";
import type { OrganizationRow } from "./organization.repository";

export function presentOrganization(row: OrganizationRow): TOrganization {
  return {
    id: row.id,
    name: row.name,
    defaultCurrency: row.defaultCurrency,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    timezone: row.timezone,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
