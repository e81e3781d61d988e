import type { TInteraction, TInteractionListItem } from "@openkam/contracts";
import type { Attendees, InteractionRow } from "./interactions.repository";

/** The wire shape of an interaction; `now` decides whether it is still planned. */
export function presentInteraction(row: InteractionRow, attendees: Attendees, now: Date = new Date()): TInteraction {
  return {
    id: row.id,
    accountId: row.accountId,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    planned: row.occurredAt.getTime() > now.getTime(),
    durationMinutes: row.durationMinutes,
    subject: row.subject,
    summary: row.summary,
    outcome: row.outcome,
    nextStep: row.nextStep,
    externalId: row.externalId,
    contactIds: attendees.contactIds,
    userIds: attendees.userIds,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A row of the interaction list: the interaction and its account's name. */
export function presentInteractionListItem(row: InteractionRow & { accountName: string }, attendees: Attendees, now: Date): TInteractionListItem {
  return { ...presentInteraction(row, attendees, now), accountName: row.accountName };
}
