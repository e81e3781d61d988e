import { Button, Group, Paper, SegmentedControl } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChecklist, IconLayoutKanban, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { TaskList } from "../account360/TaskList";
import { useSession } from "../auth/session-context";
import { useUserNames } from "../users/users.api";
import { CreateTaskModal } from "./CreateTaskModal";
import { useTasks } from "./tasks.api";

const OPEN = ["todo", "in_progress", "blocked"] as const;

/** My open tasks (default) or every open task I can see; the board view builds on this page. */
export function TasksPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const scope = params.get("scope") === "all" ? "all" : "mine";
  const tasks = useTasks({ sort: "dueDate", status: [...OPEN], ...(scope === "mine" ? { mine: true } : {}) });
  const names = useUserNames();
  const [adding, { open, close }] = useDisclosure(false);
  const items = tasks.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t("tasks.title")}
        description={t("tasks.subtitle")}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to={scope === "all" ? "/tasks/board?scope=all" : "/tasks/board"} leftSection={<IconLayoutKanban size={16} />}>
              {t("tasks.board")}
            </Button>
            {me.role !== "viewer" && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("tasks.new")}</Button>}
          </Group>
        }
      />
      <SegmentedControl
        mb="md"
        value={scope}
        onChange={(v) => setParams(v === "all" ? { scope: "all" } : {}, { replace: true })}
        data={[{ value: "mine", label: t("tasks.mine") }, { value: "all", label: t("tasks.all") }]}
        aria-label={t("tasks.title")}
      />
      <Paper withBorder radius="md" p="md">
        {tasks.isPending ? <TableSkeleton /> : tasks.isError ? <ErrorState error={tasks.error} /> : items.length === 0 ? (
          <EmptyHint icon={<IconChecklist />} title={t("tasks.emptyTitle")} description={t("tasks.emptyText")} />
        ) : <TaskList items={items} names={names} />}
      </Paper>
      <CreateTaskModal opened={adding} onClose={close} />
    </>
  );
}
