import { Button, Group, Paper } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChecklist, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { CreateTaskModal } from "../tasks/CreateTaskModal";
import { useUserNames } from "../users/users.api";
import { useAccountTasks } from "./account360.api";
import { TaskList } from "./TaskList";

export function TasksTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const tasks = useAccountTasks(accountId);
  const names = useUserNames();
  const [adding, { open, close }] = useDisclosure(false);
  const items = tasks.data?.items ?? [];
  return (
    <>
      {canWrite && items.length > 0 && (
        <Group justify="flex-end" mb="sm"><Button leftSection={<IconPlus size={16} />} onClick={open}>{t("tasks.new")}</Button></Group>
      )}
      <Paper withBorder radius="md" p="md">
        {tasks.isPending ? <TableSkeleton rows={4} /> : tasks.isError ? <ErrorState error={tasks.error} /> : items.length === 0 ? (
          <EmptyHint icon={<IconChecklist />} title={t("account360.noTasks")} description={t("account360.noTasksHint")}>
            {canWrite && <Button onClick={open}>{t("tasks.new")}</Button>}
          </EmptyHint>
        ) : <TaskList items={items} names={names} />}
      </Paper>
      <CreateTaskModal opened={adding} onClose={close} accountId={accountId} />
    </>
  );
}
