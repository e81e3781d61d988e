import { Badge, ColorSwatch, Group, Paper, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TaskStatus } from "./board-moves";

const COLUMN_COLORS: Record<TaskStatus, string> = { todo: "gray", in_progress: "blue", blocked: "red", done: "teal", cancelled: "dark" };

interface Props {
  status: TaskStatus;
  ids: string[];
  count: number;
  truncated: boolean;
  highlighted: boolean;
  children: ReactNode;
}

/** One status: a drop zone holding a sortable list of cards. */
export function BoardColumn({ status, ids, count, truncated, highlighted, children }: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `board-column-${status}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-testid={`column-${status}`}
      withBorder
      radius="md"
      p="sm"
      bg={isOver || highlighted ? "var(--mantine-primary-color-light)" : "var(--mantine-color-default-hover)"}
      style={{ minWidth: 260, flex: "1 0 260px", display: "flex", flexDirection: "column", transition: "background 120ms" }}
    >
      <Group justify="space-between" mb="sm">
        <Group gap={8}>
          <ColorSwatch color={`var(--mantine-color-${COLUMN_COLORS[status]}-6)`} size={10} withShadow={false} aria-hidden />
          <Title order={2} size="h5" id={headingId}>{t(`enums.taskStatus.${status}`)}</Title>
        </Group>
        <Badge variant="light" color="gray" size="sm" aria-label={t("taskBoard.count", { count })}>{count}</Badge>
      </Group>
      <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
        <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
          <Stack ref={setNodeRef} gap="xs" mih={120} pb="xs">
            {children}
            {count === 0 && <Text size="xs" c="dimmed" ta="center" py="lg">{t("taskBoard.emptyColumn")}</Text>}
          </Stack>
        </ScrollArea.Autosize>
      </SortableContext>
      {truncated && <Text size="xs" c="dimmed" mt="xs">{t("taskBoard.truncated", { count })}</Text>}
    </Paper>
  );
}
