import { TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from "@openkam/domain";
import { z } from "zod";
import { ZDate, ZDateTime, ZId, ZListQuery, ZOptionalText, ZPage, ZQueryBool, ZRequiredText, ZVersion } from "./common";

export const ZTaskStatus = z.enum(TASK_STATUSES);
export const ZTaskPriority = z.enum(TASK_PRIORITIES);
export const ZTaskSource = z
  .object({ type: z.enum(TASK_SOURCES), id: ZId })
  .describe("What the task was made from: an interaction's next step, a plan action, a case or a journey improvement");
export type TTaskSource = z.infer<typeof ZTaskSource>;

export const ZTask = z.object({
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  accountId: ZId.nullable(),
  assigneeUserId: ZId.nullable(),
  dueDate: ZDate.nullable(),
  status: ZTaskStatus,
  priority: ZTaskPriority,
  position: z.number().describe("Order within a board column (ascending)"),
  completedAt: ZDateTime.nullable().describe("Set when the task moves to done, cleared when it moves back"),
  createdBy: ZId.nullable(),
  source: ZTaskSource.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  version: z.number().int(),
});
export type TTask = z.infer<typeof ZTask>;

const taskFields = {
  title: ZRequiredText(300),
  description: ZOptionalText(20_000),
  accountId: ZId.nullable().optional().describe("A task on an account follows the account's visibility"),
  assigneeUserId: ZId.nullable().optional().describe("An active member of the organization"),
  dueDate: ZDate.nullable().optional(),
  status: ZTaskStatus.optional(),
  priority: ZTaskPriority.optional(),
  position: z.number().finite().optional().describe("Defaults to the end of the status column"),
};

export const ZCreateTaskRequest = z.object(taskFields).strict();
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;

export const ZUpdateTaskRequest = z
  .object({ ...taskFields, title: ZRequiredText(300).optional(), version: ZVersion.optional() })
  .strict();
export type TUpdateTaskRequest = z.infer<typeof ZUpdateTaskRequest>;

export const TASK_SORTS = ["dueDate", "-dueDate", "priority", "-priority", "position", "-position", "updatedAt", "-updatedAt"] as const;

export const ZListTasksQuery = ZListQuery.extend({
  q: ZListQuery.shape.q.describe("Text search on the title"),
  sort: z
    .enum(TASK_SORTS)
    .default("dueDate")
    .describe("Field to sort by; a leading - sorts descending. priority puts urgent first; tasks without a due date come last"),
  accountId: ZId.optional(),
  assigneeUserId: ZId.optional(),
  mine: ZQueryBool.optional().describe("true: only tasks assigned to me"),
  status: z.union([ZTaskStatus, z.array(ZTaskStatus)]).optional(),
  overdue: ZQueryBool.optional().describe("true: open tasks (not done or cancelled) due before today"),
  sourceType: z.enum(TASK_SOURCES).optional().describe("Only tasks made from this kind of source"),
  sourceId: ZId.optional().describe("Only tasks made from this source (an interaction, plan, case ...)"),
});
export type TListTasksQuery = z.infer<typeof ZListTasksQuery>;

export const ZTaskPage = ZPage(ZTask);
