import type { TTask } from "@openkam/contracts";
import type { TaskRow } from "./tasks.repository";

/** The wire shape of a task. */
export function presentTask(row: TaskRow): TTask {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    accountId: row.accountId,
    assigneeUserId: row.assigneeUserId,
    dueDate: row.dueDate,
    status: row.status,
    priority: row.priority,
    position: Number(row.position),
    completedAt: row.completedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    source: row.sourceType && row.sourceId ? { type: row.sourceType, id: row.sourceId } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
