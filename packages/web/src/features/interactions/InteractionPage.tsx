import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { TInteraction } from "@openkam/contracts";
import { IconChecklist, IconPencil, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { usePageTitle } from "../../components/usePageTitle";
import { ApiError } from "../../lib/api/api-error";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useAccountById } from "../orders/AccountName";
import { useUserNames } from "../users/users.api";
import { createNextStepTask, deleteInteraction, updateInteraction, useAccountContactOptions, useInteraction } from "./interactions.api";
import { InteractionForm, interactionDraft, interactionRequest, type InteractionDraft } from "./InteractionForm";
import { RecordFeedbackButton } from "../feedback/RecordFeedbackModal";
import { LogTimeButton } from "../effort/LogTimeButton";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

export function InteractionPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const interaction = useInteraction(id);
  const account = useAccountById(interaction.data?.accountId);
  const contacts = useAccountContactOptions(interaction.data?.accountId ?? "");
  const userNames = useUserNames();
  const [editing, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState<"save" | "task" | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  usePageTitle(interaction.data?.subject);

  if (interaction.isError) return <ErrorState error={interaction.error} onRetry={() => void interaction.refetch()} />;
  if (!interaction.data) return <Stack><Skeleton height={36} width="40%" /><Skeleton height={200} /></Stack>;
  const i = interaction.data;
  const contactNames = new Map((contacts.data?.items ?? []).map((c) => [c.id, c.name]));

  const put = (saved: TInteraction) => {
    queryClient.setQueryData(["interactions", "one", saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ["interactions", "page"] });
    void queryClient.invalidateQueries({ queryKey: ["interactions", "list"] });
    void queryClient.invalidateQueries({ queryKey: ["summary", saved.accountId] });
  };

  async function save(draft: InteractionDraft) {
    setBusy("save");
    setErrors({});
    try {
      put(await updateInteraction(i.id, i.version, interactionRequest(draft)));
      notifySaved();
      close();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) {
        put(error.current as TInteraction);
        notifications.show({ color: "orange", title: t("interactions.conflictTitle"), message: t("interactions.conflictText"), autoClose: 8000 });
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    const ok = await confirmAction({ title: t("interactions.deleteTitle"), message: t("interactions.deleteText", { subject: i.subject }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await deleteInteraction(i.id);
      await queryClient.invalidateQueries({ queryKey: ["interactions"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", i.accountId] });
      notifySaved(t("interactions.deleted"));
      await navigate("/interactions");
    } catch (error) {
      notifyFailed(error);
    }
  }

  /** One click: the next step becomes a task on the account, assigned to me. */
  async function makeTask() {
    setBusy("task");
    try {
      const task = await createNextStepTask(i.id, { assigneeUserId: me.user.id });
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", i.accountId] });
      notifications.show({
        color: "teal",
        message: (
          <Group gap="xs">
            {t("interactions.taskCreated", { title: task.title })}
            {/* Toasts render outside the router, so a Link cannot live here: navigate from this page instead. */}
            <Anchor href="/tasks/board" size="sm" onClick={(e) => { e.preventDefault(); void navigate("/tasks/board"); }}>{t("interactions.openBoard")}</Anchor>
          </Group>
        ),
        autoClose: 6000,
      });
    } catch (error) {
      notifyFailed(error, t("interactions.taskFailed"));
    } finally {
      setBusy(null);
    }
  }

  const canWrite = me.role !== "viewer";
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/interactions" size="sm">{t("interactions.title")}</Anchor>
        <Text size="sm">{i.subject}</Text>
      </Breadcrumbs>
      <Group justify="space-between" mb="md" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">{i.subject}</Title>
            <Badge variant="light">{t(`enums.interactionType.${i.type}`)}</Badge>
            {i.planned && <Badge color="cyan">{t("interactions.planned")}</Badge>}
          </Group>
          <Text c="dimmed" size="sm">
            {formatDateTime(i.occurredAt)}
            {account.data && <> · <Anchor component={Link} to={`/accounts/${i.accountId}?tab=interactions`} size="sm">{account.data.name}</Anchor></>}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <RecordFeedbackButton accountId={i.accountId} source={{ type: "interaction", id: i.id }} />
            <LogTimeButton accountId={i.accountId} source={{ type: "interaction", id: i.id }} />
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>{t("common.delete")}</Button>
            <Button leftSection={<IconPencil size={16} />} onClick={open}>{t("common.edit")}</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg" radius="md" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
          <Field label={t("interactions.fields.durationMinutes")}>{i.durationMinutes === null ? "—" : t("interactions.minutes", { count: i.durationMinutes })}</Field>
          <Field label={t("interactions.fields.contacts")}>
            {i.contactIds.length === 0 ? "—" : <Group gap={4}>{i.contactIds.map((c) => <Badge key={c} variant="outline" color="indigo" tt="none" component={Link} to={`/contacts/${c}`} style={{ cursor: "pointer" }}>{contactNames.get(c) ?? "…"}</Badge>)}</Group>}
          </Field>
          <Field label={t("interactions.fields.users")}>
            {i.userIds.length === 0 ? "—" : <Group gap={4}>{i.userIds.map((u) => <Badge key={u} variant="outline" color="gray" tt="none">{userNames.get(u) ?? "…"}</Badge>)}</Group>}
          </Field>
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="lg" radius="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t("interactions.fields.summary")}</Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{i.summary ?? "—"}</Text>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="md" mb={4}>{t("interactions.fields.outcome")}</Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{i.outcome ?? "—"}</Text>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t("interactions.fields.nextStep")}</Text>
          {i.nextStep ? (
            <>
              <Text size="sm" mb="md">{i.nextStep}</Text>
              {canWrite && <Button variant="light" leftSection={<IconChecklist size={16} />} loading={busy === "task"} onClick={() => void makeTask()}>{t("interactions.makeTask")}</Button>}
            </>
          ) : (
            <Text size="sm" c="dimmed">{t("interactions.noNextStep")}</Text>
          )}
        </Paper>
      </SimpleGrid>
      <Modal opened={editing} onClose={close} title={t("interactions.editTitle")} size="xl">
        {editing && (
          <InteractionForm key={i.version} initial={interactionDraft(i)} accountName={account.data?.name} errors={errors} busy={busy === "save"} submitLabel={t("common.save")} onSubmit={(d) => void save(d)} onCancel={close} />
        )}
      </Modal>
    </>
  );
}
