import { Badge, Group, Stack, Text } from "@mantine/core";
import type { TTask } from "@openkam/contracts";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";

const PRIORITY_COLORS = { low: "gray", medium: "blue", high: "orange", urgent: "red" } as const;

export function TaskList({ items, names }: { items: TTask[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="xs">
      {items.map((task) => {
        const overdue = task.dueDate !== null && task.dueDate < today && task.status !== "done" && task.status !== "cancelled";
        return (
          <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate td={task.status === "done" ? "line-through" : undefined}>{task.title}</Text>
              <Text size="xs" c={overdue ? "red.9" : "dimmed"}>
                {task.dueDate ? t("tasks.due", { date: formatDate(task.dueDate) }) : t("tasks.noDue")}
                {task.assigneeUserId ? ` · ${names.get(task.assigneeUserId) ?? "…"}` : ""}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Badge size="sm" color={PRIORITY_COLORS[task.priority]}>{t(`enums.taskPriority.${task.priority}`)}</Badge>
              <Badge size="sm" variant="outline" color="gray">{t(`enums.taskStatus.${task.status}`)}</Badge>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
