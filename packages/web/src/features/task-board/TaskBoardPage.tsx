import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, closestCorners, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragOverEvent, type DragStartEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { Button, Group, SegmentedControl, Select, Skeleton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { TTask } from "@openkam/contracts";
import { TASK_SOURCES, TASK_STATUSES, type TaskSource } from "@openkam/domain/enums/index";
import { IconLayoutKanban, IconList, IconPlus } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { ApiError } from "../../lib/api/api-error";
import { AccountPicker } from "../accounts/AccountPicker";
import { useSession } from "../auth/session-context";
import { useAccountById } from "../orders/AccountName";
import { CreateTaskModal } from "../tasks/CreateTaskModal";
import { useUserNames, useUserOptions } from "../users/users.api";
import { BoardColumn } from "./BoardColumn";
import { computeMove, dropTarget, type Columns, type TaskStatus } from "./board-moves";
import { moveTask, useBoard, useBoardCache, type BoardFilters } from "./task-board.api";
import { TaskCard, TaskCardView } from "./TaskCard";

/** Tasks as a Kanban board: one column per status; drag a card (or use its menu) to move it. */
export function TaskBoardPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  // One board per account (?account=), per person (?assignee=) and per kind of source (?source=plan ...).
  const assignee = params.get("assignee");
  const scope = assignee ? "person" : params.get("scope") === "all" ? "all" : "mine";
  const accountId = params.get("account");
  const sourceParam = params.get("source");
  const source = TASK_SOURCES.includes(sourceParam as TaskSource) ? (sourceParam as TaskSource) : null;
  const account = useAccountById(accountId);
  const users = useUserOptions();
  const filters = useMemo<BoardFilters>(() => ({
    ...(scope === "mine" ? { mine: true } : {}),
    ...(assignee ? { assigneeUserId: assignee } : {}),
    ...(accountId ? { accountId } : {}),
    ...(source ? { sourceType: source } : {}),
  }), [scope, assignee, accountId, source]);
  const board = useBoard(filters);
  const cache = useBoardCache(filters);
  const names = useUserNames();
  const [adding, { open, close }] = useDisclosure(false);
  const [dragging, setDragging] = useState<TTask | null>(null);
  const [overStatus, setOverStatus] = useState<TaskStatus | null>(null);
  const canWrite = me.role !== "viewer";
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const setParam = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const columns: Columns = board.columns;
  const findTask = (id: string) => Object.values(columns).flat().find((task) => task.id === id);
  const statusLabel = (s: string) => t(`enums.taskStatus.${s}`);

  async function move(taskId: string, status: TaskStatus, index: number) {
    const task = findTask(taskId);
    const target = computeMove(columns, taskId, status, index);
    if (!task || !target) return;
    cache.showMove(columns, target);
    try {
      const saved = await moveTask(task, target.status, target.position);
      cache.putSaved(saved);
      if (saved.status !== task.status) notifications.show({ color: "teal", message: t("taskBoard.moved", { title: task.title, status: statusLabel(saved.status) }), autoClose: 2500 });
    } catch (error) {
      await cache.refresh();
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        notifications.show({ color: "orange", title: t("taskBoard.conflictTitle"), message: t("taskBoard.conflictText", { title: task.title }), autoClose: 7000 });
      } else notifyFailed(error, t("taskBoard.moveFailed"));
    }
  }

  function onDragStart(event: DragStartEvent) {
    setDragging(findTask(String(event.active.id)) ?? null);
  }
  function onDragOver(event: DragOverEvent) {
    setOverStatus(event.over ? dropTarget(columns, String(event.active.id), String(event.over.id))?.status ?? null : null);
  }
  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    setOverStatus(null);
    if (!event.over) return;
    const target = dropTarget(columns, String(event.active.id), String(event.over.id));
    if (target) void move(String(event.active.id), target.status, target.index);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("taskBoard.a11y.picked", { title: findTask(String(active.id))?.title ?? "" }),
    onDragOver: ({ active, over }) => {
      const target = over ? dropTarget(columns, String(active.id), String(over.id)) : null;
      return target ? t("taskBoard.a11y.over", { status: statusLabel(target.status), position: target.index + 1 }) : t("taskBoard.a11y.outside");
    },
    onDragEnd: ({ active, over }) => {
      const target = over ? dropTarget(columns, String(active.id), String(over.id)) : null;
      return target ? t("taskBoard.a11y.dropped", { title: findTask(String(active.id))?.title ?? "", status: statusLabel(target.status) }) : t("taskBoard.a11y.cancelled");
    },
    onDragCancel: () => t("taskBoard.a11y.cancelled"),
  };

  return (
    <>
      <PageHeader
        title={t("taskBoard.title")}
        description={t("taskBoard.subtitle")}
        actions={
          <>
            <Button variant="default" component={Link} to={scope === "all" ? "/tasks?scope=all" : "/tasks"} leftSection={<IconList size={16} />}>{t("taskBoard.listView")}</Button>
            {canWrite && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("tasks.new")}</Button>}
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end">
        <SegmentedControl
          value={scope === "person" ? "all" : scope}
          onChange={(v) => setParams((p) => {
            const next = new URLSearchParams(p);
            next.delete("assignee");
            if (v === "all") next.set("scope", "all");
            else next.delete("scope");
            return next;
          }, { replace: true })}
          data={[{ value: "mine", label: t("tasks.mine") }, { value: "all", label: t("tasks.all") }]}
          aria-label={t("taskBoard.scope")}
        />
        <Select
          w={220}
          label={t("taskBoard.person")}
          placeholder={t("taskBoard.anyone")}
          searchable
          clearable
          value={assignee}
          onChange={(id) => setParam("assignee", id)}
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <div style={{ width: 260 }}>
          <AccountPicker key={account.data?.id ?? "none"} label={t("taskBoard.account")} value={accountId} onChange={(id) => setParam("account", id)} initialName={account.data?.name} />
        </div>
        <Select
          w={200}
          label={t("taskBoard.sourceFilter")}
          placeholder={t("taskBoard.anySource")}
          clearable
          value={source}
          onChange={(v) => setParam("source", v)}
          data={TASK_SOURCES.map((value) => ({ value, label: t(`taskBoard.source.${value}`) }))}
        />
      </Group>
      {board.error ? <ErrorState error={board.error} onRetry={() => void board.refetch()} /> : board.isPending ? (
        <Group align="flex-start" wrap="nowrap" gap="md">{TASK_STATUSES.map((s) => <Skeleton key={s} height={320} radius="md" style={{ flex: "1 0 260px" }} />)}</Group>
      ) : TASK_STATUSES.every((s) => columns[s].length === 0) ? (
        <EmptyHint icon={<IconLayoutKanban />} title={t("taskBoard.emptyTitle")} description={scope !== "all" || accountId || source ? t("taskBoard.emptyFiltered") : t("taskBoard.emptyText")}>
          <Group gap="xs" justify="center">
            {scope === "mine" && <Button variant="light" onClick={() => setParam("scope", "all")}>{t("tasks.all")}</Button>}
            {canWrite && <Button onClick={open}>{t("tasks.new")}</Button>}
          </Group>
        </EmptyHint>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={() => { setDragging(null); setOverStatus(null); }}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t("taskBoard.a11y.instructions") } }}
        >
          <Group align="stretch" wrap="nowrap" gap="md" style={{ overflowX: "auto" }} pb="sm">
            {TASK_STATUSES.map((status) => {
              const cards = columns[status];
              return (
                <BoardColumn key={status} status={status} ids={cards.map((c) => c.id)} count={cards.length} truncated={board.truncated.includes(status)} highlighted={overStatus === status && dragging?.status !== status}>
                  {cards.map((task, i) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      assigneeName={task.assigneeUserId ? names.get(task.assigneeUserId) : undefined}
                      canWrite={canWrite}
                      isFirst={i === 0}
                      isLast={i === cards.length - 1}
                      onMoveTo={(s) => void move(task.id, s, columns[s].length)}
                      onMoveBy={(delta) => void move(task.id, status, i + delta)}
                    />
                  ))}
                </BoardColumn>
              );
            })}
          </Group>
          <DragOverlay>
            {dragging && <TaskCardView task={dragging} assigneeName={dragging.assigneeUserId ? names.get(dragging.assigneeUserId) : undefined} canWrite lifted />}
          </DragOverlay>
        </DndContext>
      )}
      <CreateTaskModal opened={adding} onClose={close} {...(accountId ? { accountId } : {})} />
    </>
  );
}
