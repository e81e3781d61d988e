import type { TTaskSource } from "@openkam/contracts";

/** Where a task made from something else leads back to. */
export function sourceLink(source: TTaskSource, accountId: string | null): string {
  switch (source.type) {
    case "interaction":
      return `/interactions/${source.id}`;
    case "case":
      return `/cases/${source.id}`;
    case "plan":
      return accountId ? `/accounts/${accountId}/plans/${source.id}` : "/tasks/board";
    case "journey":
      return accountId ? `/accounts/${accountId}?tab=growth` : "/tasks/board";
    case "feedback":
      return `/feedback/${source.id}`;
  }
}
