import type { TBusinessUnit, TInitiative, TOpportunity } from "@openkam/contracts";
import type { accountBusinessUnits, growthInitiatives } from "@openkam/db";
import { initiativeRoi, weightedValue } from "@openkam/domain";
import type { OpportunityListRow } from "./opportunities.repository";

export function presentOpportunity(row: OpportunityListRow): TOpportunity {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    name: row.name,
    stage: row.stage,
    value: row.value,
    currency: row.currency,
    probability: row.probability,
    weightedValue: weightedValue(row.value, row.probability),
    expectedCloseDate: row.expectedCloseDate,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    productId: row.productId,
    productName: row.productName,
    businessUnitId: row.businessUnitId,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentBusinessUnit(row: typeof accountBusinessUnits.$inferSelect): TBusinessUnit {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    kind: row.kind,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export type InitiativeListRow = typeof growthInitiatives.$inferSelect & { customerContactName: string | null; ownerName: string | null };

export function presentInitiative(row: InitiativeListRow): TInitiative {
  return {
    id: row.id,
    accountId: row.accountId,
    title: row.title,
    description: row.description,
    status: row.status,
    valueKind: row.valueKind,
    customerContactId: row.customerContactId,
    customerContactName: row.customerContactName,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName,
    currency: row.currency,
    valuePromised: row.valuePromised,
    valueDelivered: row.valueDelivered,
    investment: row.investment,
    roi: initiativeRoi({ delivered: row.valueDelivered, investment: row.investment }),
    startDate: row.startDate,
    targetDate: row.targetDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
