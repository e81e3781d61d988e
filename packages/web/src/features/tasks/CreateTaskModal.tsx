import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { TASK_PRIORITIES } from "@openkam/domain/enums/index";
import type { TCreateTaskRequest } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { useUserOptions } from "../users/users.api";
import { createTask } from "./tasks.api";

export function CreateTaskModal({ opened, onClose, accountId }: { opened: boolean; onClose(): void; accountId?: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const users = useUserOptions();
  const queryClient = useQueryClient();
  const blank = (): TCreateTaskRequest => ({ title: "", description: null, accountId: accountId ?? null, assigneeUserId: me.user.id, dueDate: null, priority: "medium" });
  const [values, setValues] = useState<TCreateTaskRequest>(blank);
  const { busy, errors, run } = useFormSubmit();
  const set = <K extends keyof TCreateTaskRequest>(key: K, value: TCreateTaskRequest[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const task = await createTask(values);
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
      if (task.accountId) void queryClient.invalidateQueries({ queryKey: ["summary", task.accountId] });
      notifySaved(t("tasks.created", { title: task.title }));
      setValues(blank());
      onClose();
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("tasks.new")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("tasks.fields.title")} required value={values.title} onChange={(e) => set("title", e.currentTarget.value)} error={errors.title} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t("tasks.fields.assignee")} data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={values.assigneeUserId ?? null} onChange={(v) => set("assigneeUserId", v)} searchable clearable error={errors.assigneeUserId} />
            <TextInput label={t("tasks.fields.dueDate")} type="date" value={values.dueDate ?? ""} onChange={(e) => set("dueDate", e.currentTarget.value || null)} error={errors.dueDate} />
            <Select label={t("tasks.fields.priority")} data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.taskPriority.${p}`) }))} value={values.priority ?? "medium"} onChange={(v) => v && set("priority", v as TCreateTaskRequest["priority"])} allowDeselect={false} />
          </SimpleGrid>
          <Textarea label={t("tasks.fields.description")} autosize minRows={2} value={values.description ?? ""} onChange={(e) => set("description", e.currentTarget.value || null)} error={errors.description} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
