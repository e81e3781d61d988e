import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import { useSortable } from "@dnd-kit/sortable";
import type { TTask } from "@openkam/contracts";
import { TASK_STATUSES } from "@openkam/domain/enums/index";
import { IconArrowDown, IconArrowUp, IconDots, IconGripVertical } from "@tabler/icons-react";
import type { CSSProperties, HTMLAttributes, Ref } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/format";
import { AccountName } from "../orders/AccountName";
import type { TaskStatus } from "./board-moves";
import { sourceLink } from "./task-source";

const PRIORITY_COLORS = { low: "gray", medium: "blue", high: "orange", urgent: "red" } as const;

interface CardProps {
  task: TTask;
  assigneeName: string | undefined;
  canWrite: boolean;
  /** Menu alternative to dragging (keyboard friendly). */
  onMoveTo?(status: TaskStatus): void;
  onMoveBy?(delta: -1 | 1): void;
  isFirst?: boolean;
  isLast?: boolean;
}

interface ViewProps extends CardProps {
  cardRef?: Ref<HTMLDivElement>;
  handleRef?: Ref<HTMLButtonElement>;
  cardProps?: HTMLAttributes<HTMLDivElement>;
  handleProps?: HTMLAttributes<HTMLButtonElement>;
  style?: CSSProperties;
  lifted?: boolean;
}

/** The card as drawn, on the board and under the pointer while dragging. */
export function TaskCardView({ task, assigneeName, canWrite, onMoveTo, onMoveBy, isFirst, isLast, cardRef, handleRef, cardProps, handleProps, style, lifted }: ViewProps) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const overdue = task.dueDate !== null && task.dueDate < today && task.status !== "done" && task.status !== "cancelled";
  return (
    <Paper ref={cardRef} withBorder radius="md" p="sm" shadow={lifted ? "lg" : "xs"} data-testid="task-card" data-task-id={task.id} style={style} {...cardProps}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        {canWrite && (
          <ActionIcon ref={handleRef} variant="subtle" color="gray" size="sm" aria-label={t("taskBoard.dragHandle", { title: task.title })} style={{ cursor: "grab" }} {...handleProps}>
            <IconGripVertical size={14} />
          </ActionIcon>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} td={task.status === "done" ? "line-through" : undefined} style={{ wordBreak: "break-word" }}>{task.title}</Text>
          {task.accountId && <div onPointerDown={(e) => e.stopPropagation()}><AccountName id={task.accountId} tab="tasks" /></div>}
          <Group gap={6}>
            <Badge size="xs" color={PRIORITY_COLORS[task.priority]}>{t(`enums.taskPriority.${task.priority}`)}</Badge>
            <Text size="xs" c={overdue ? "red" : "dimmed"}>{task.dueDate ? t("tasks.due", { date: formatDate(task.dueDate) }) : t("tasks.noDue")}</Text>
          </Group>
          {assigneeName && <Text size="xs" c="dimmed">{assigneeName}</Text>}
          {task.source && (
            <Anchor component={Link} to={sourceLink(task.source, task.accountId)} size="xs" onPointerDown={(e) => e.stopPropagation()}>
              {t(`taskBoard.fromSource.${task.source.type}`)}
            </Anchor>
          )}
        </Stack>
        {canWrite && onMoveTo && onMoveBy && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t("taskBoard.moveMenu", { title: task.title })} onPointerDown={(e) => e.stopPropagation()}>
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t("taskBoard.moveTo")}</Menu.Label>
              {TASK_STATUSES.filter((s) => s !== task.status).map((s) => (
                <Menu.Item key={s} onClick={() => onMoveTo(s)}>{t(`enums.taskStatus.${s}`)}</Menu.Item>
              ))}
              <Menu.Divider />
              <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={isFirst} onClick={() => onMoveBy(-1)}>{t("taskBoard.moveUp")}</Menu.Item>
              <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={isLast} onClick={() => onMoveBy(1)}>{t("taskBoard.moveDown")}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}

/**
 * A card on the board. The whole card follows the pointer; the keyboard picks
 * it up by its handle (a card that holds a menu cannot itself be a button).
 */
export function TaskCard(props: CardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: props.task.id, disabled: !props.canWrite });
  const { onKeyDown, ...pointerListeners } = (listeners ?? {}) as Record<string, (event: unknown) => void>;
  return (
    <TaskCardView
      {...props}
      cardRef={setNodeRef}
      handleRef={setActivatorNodeRef}
      cardProps={props.canWrite ? (pointerListeners as HTMLAttributes<HTMLDivElement>) : {}}
      handleProps={{ ...(attributes as HTMLAttributes<HTMLButtonElement>), ...(onKeyDown ? { onKeyDown } : {}) }}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
        opacity: isDragging ? 0.4 : 1,
        cursor: props.canWrite ? "grab" : undefined,
        touchAction: "manipulation",
      }}
    />
  );
}
