import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { TFeedbackDetail } from "@openkam/contracts";
import { TASK_PRIORITIES, type TaskPriority } from "@openkam/domain/enums/index";
import type { FeedbackStatus } from "@openkam/domain/feedback/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useUserOptions } from "../users/users.api";
import { moveFeedback, useFeedbackRefresh } from "./feedback.api";

type Dialog = "plan" | "inform" | "reopen" | null;

const label = (item: TFeedbackDetail, to: FeedbackStatus) => (item.status === "closed" && to === "acknowledged" ? "reopen" : to);

/** The moves allowed next: one click for the simple steps, a short form where the loop needs more (a task, a note). */
export function FeedbackActions({ item }: { item: TFeedbackDetail }) {
  const { t } = useTranslation();
  const refresh = useFeedbackRefresh();
  const users = useUserOptions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [task, setTask] = useState({ title: "", assigneeUserId: null as string | null, dueDate: "", priority: "medium" as TaskPriority });
  const [note, setNote] = useState("");
  const { busy, errors, run } = useFormSubmit();

  const move = (to: FeedbackStatus, extra: { note?: string; task?: { title: string; assigneeUserId: string; dueDate: string | null; priority: TaskPriority } } = {}) =>
    run(async () => {
      await moveFeedback(item, { to, ...(extra.note ? { note: extra.note } : {}), ...(extra.task ? { task: extra.task } : {}) });
      await refresh();
      notifySaved(t("feedback.moved", { status: t(`feedback.status.${to}`) }));
      setDialog(null);
      setNote("");
    });

  function open(to: FeedbackStatus) {
    const kind = label(item, to);
    if (kind === "planned") {
      setTask((v) => ({ ...v, title: v.title || t("feedback.plan.defaultTitle", { title: item.title }) }));
      setDialog("plan");
    } else if (kind === "informed") setDialog("inform");
    else if (kind === "reopen") setDialog("reopen");
    else void move(to);
  }

  function submitPlan(event: FormEvent) {
    event.preventDefault();
    void move("planned", { task: { title: task.title, assigneeUserId: task.assigneeUserId ?? "", dueDate: task.dueDate || null, priority: task.priority } });
  }

  function submitNote(event: FormEvent, to: FeedbackStatus) {
    event.preventDefault();
    void move(to, { note });
  }

  if (item.nextStatuses.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {item.nextStatuses.map((to) => (
          <Button key={to} loading={busy && dialog === null} color={label(item, to) === "reopen" ? "orange" : undefined} variant={label(item, to) === "reopen" ? "light" : "filled"} onClick={() => open(to)}>
            {t(`feedback.actions.${label(item, to)}`)}
          </Button>
        ))}
      </Group>
      <Modal opened={dialog === "plan"} onClose={() => setDialog(null)} title={t("feedback.plan.title")} size="lg">
        <form onSubmit={submitPlan} noValidate>
          <Stack gap="sm">
            <TextInput label={t("feedback.plan.action")} required value={task.title} onChange={(e) => { const title = e.currentTarget.value; setTask((v) => ({ ...v, title })); }} error={errors.title ?? errors.task} data-autofocus />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t("feedback.plan.assignee")} description={t("feedback.plan.assigneeHint")} required searchable
                data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={task.assigneeUserId}
                onChange={(assigneeUserId) => setTask((v) => ({ ...v, assigneeUserId }))} error={errors.assigneeUserId}
              />
              <TextInput label={t("feedback.plan.dueDate")} description={t("feedback.plan.dueDateHint")} type="date" value={task.dueDate} onChange={(e) => { const dueDate = e.currentTarget.value; setTask((v) => ({ ...v, dueDate })); }} error={errors.dueDate} />
              <Select
                label={t("feedback.plan.priority")} description={" "} allowDeselect={false} value={task.priority}
                data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.taskPriority.${p}`) }))} onChange={(v) => v && setTask((x) => ({ ...x, priority: v as TaskPriority }))}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setDialog(null)}>{t("common.cancel")}</Button>
              <Button type="submit" loading={busy}>{t("feedback.plan.submit")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={dialog === "inform" || dialog === "reopen"} onClose={() => setDialog(null)} title={t(dialog === "reopen" ? "feedback.reopen.title" : "feedback.inform.title")}>
        <form onSubmit={(e) => submitNote(e, dialog === "reopen" ? "acknowledged" : "informed")} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t(dialog === "reopen" ? "feedback.reopen.note" : "feedback.inform.note")} description={t(dialog === "reopen" ? "feedback.reopen.hint" : "feedback.inform.hint")}
              required rows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} data-autofocus
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setDialog(null)}>{t("common.cancel")}</Button>
              <Button type="submit" loading={busy}>{t(dialog === "reopen" ? "feedback.actions.reopen" : "feedback.actions.informed")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
