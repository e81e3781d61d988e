import { Anchor, Breadcrumbs, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Textarea, Timeline, Title } from "@mantine/core";
import type { TCaseAction, TCaseDetail } from "@openkam/contracts";
import { SLA_PRIORITIES } from "@openkam/domain/service/sla-targets";
import { IconCheck, IconMessage, IconMessageReply, IconNote, IconPlayerPause, IconPoint, IconRefresh } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useUserNames, useUserOptions } from "../users/users.api";
import { ClockCard, PriorityBadge, SlaBadge, StatusBadge } from "./parts";
import { createCaseTask, recordCaseAction, updateCase, useCase, useServiceCache } from "./service.api";
import { RecordFeedbackButton } from "../feedback/RecordFeedbackModal";
import { LogTimeButton } from "../effort/LogTimeButton";

const EVENT_ICONS: Record<string, ReactNode> = {
  opened: <IconPoint size={14} />,
  responded: <IconMessageReply size={14} />,
  waiting_on_customer: <IconPlayerPause size={14} />,
  customer_replied: <IconMessage size={14} />,
  resolved: <IconCheck size={14} />,
  reopened: <IconRefresh size={14} />,
  note: <IconNote size={14} />,
};

/** One case: its SLA clocks (read again every minute), what can be done next, and its history. */
export function CasePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const found = useCase(id);
  const names = useUserNames();
  usePageTitle(found.data?.title);
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  if (!found.data) return <Stack><Skeleton height={40} width="50%" /><SimpleGrid cols={{ base: 1, md: 2 }}><Skeleton height={120} /><Skeleton height={120} /></SimpleGrid><Skeleton height={240} /></Stack>;
  const c = found.data;
  const canWrite = me.role !== "viewer";
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/cases" size="sm">{t("service.title")}</Anchor>
        <Text size="sm">{c.title}</Text>
      </Breadcrumbs>
      <Stack gap={6} mb="md">
        <Title order={1} size="h2">{c.title}</Title>
        <Group gap="xs">
          <PriorityBadge priority={c.priority} />
          <StatusBadge status={c.status} />
          <SlaBadge state={c.sla.state} />
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/accounts/${c.accountId}?tab=service`} size="sm" underline="always">{c.accountName}</Anchor>
            {" · "}{t(`enums.tier.${c.tier}`)} · {t("service.openedAt", { at: formatDateTime(c.openedAt) })}
          </Text>
        </Group>
        {c.description && <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{c.description}</Text>}
        {canWrite && <Group><RecordFeedbackButton accountId={c.accountId} source={{ type: "case", id: c.id }} defaultTitle={c.title} /><LogTimeButton accountId={c.accountId} source={{ type: "case", id: c.id }} /></Group>}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
        <ClockCard label={t("service.clock.firstResponse")} clock={c.sla.firstResponse} />
        <ClockCard label={t("service.clock.resolution")} clock={c.sla.resolution} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack>
          {canWrite && <ActionsPanel found={c} />}
          {canWrite && <DetailsPanel found={c} />}
        </Stack>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">{t("service.timeline")}</Title>
          <Timeline bulletSize={22} lineWidth={2} active={c.events.length}>
            {c.events.map((e) => (
              <Timeline.Item key={e.id} bullet={EVENT_ICONS[e.type] ?? <IconPoint size={14} />} title={t(`service.event.${e.type}`, eventValues(e.detail, names, t))}>
                <Text size="xs" c="dimmed">{formatDateTime(e.at)}{e.actorName ? ` · ${e.actorName}` : ""}</Text>
                {e.body && <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>{e.body}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      </SimpleGrid>
    </>
  );
}

/** What an assignment or priority change changed to: a priority, a person's name, or nobody. */
function eventValues(detail: Record<string, unknown> | null, names: Map<string, string>, t: (key: string) => string) {
  const to = detail?.to;
  if (typeof to !== "string") return { to: t("service.nobody") };
  return { to: /^P\d$/.test(to) ? to : (names.get(to) ?? "…") };
}

const ACTION_COLORS: Partial<Record<TCaseAction, string>> = { resolve: "teal.9", wait_on_customer: "gray.8", reopen: "orange.9" };

function ActionsPanel({ found }: { found: TCaseDetail }) {
  const { t } = useTranslation();
  const cache = useServiceCache();
  const { busy, errors, run } = useFormSubmit();
  const [body, setBody] = useState("");
  const act = (action: TCaseAction) =>
    run(async () => {
      cache.putCase(await recordCaseAction(found.id, { action, body, version: found.version }));
      setBody("");
      notifySaved(t(`service.done.${action}`));
    }, { onConflict: () => void cache.invalidate(["service", "case", found.id]) });
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">{t("service.actionsTitle")}</Title>
      <Textarea label={t("service.message")} description={t("service.messageHint")} value={body} onChange={(e) => setBody(e.currentTarget.value)} rows={3} maxLength={10000} error={errors.body} />
      <Group mt="sm" gap="xs">
        {found.actions.filter((a) => a !== "note").map((action) => (
          <Button key={action} size="sm" color={ACTION_COLORS[action]} loading={busy} onClick={() => void act(action)}>{t(`service.action.${action}`)}</Button>
        ))}
        <Button size="sm" variant="default" disabled={body.trim() === ""} loading={busy} onClick={() => void act("note")}>{t("service.action.note")}</Button>
      </Group>
    </Paper>
  );
}

function DetailsPanel({ found }: { found: TCaseDetail }) {
  const { t } = useTranslation();
  const cache = useServiceCache();
  const users = useUserOptions();
  const { busy, run } = useFormSubmit();
  const [task, setTask] = useState("");
  const save = (patch: { priority?: "P1" | "P2" | "P3" | "P4"; assigneeUserId?: string | null }) =>
    run(async () => {
      cache.putCase(await updateCase(found.id, { ...patch, version: found.version }));
      notifySaved();
    }, { onConflict: () => void cache.invalidate(["service", "case", found.id]) });
  const addTask = () =>
    run(async () => {
      await createCaseTask(found.id, task);
      setTask("");
      cache.invalidate(["tasks"]);
      notifySaved(t("service.taskCreated"));
    });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group grow>
          <Select label={t("service.fields.priority")} data={SLA_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))} value={found.priority}
            onChange={(v) => v && v !== found.priority && void save({ priority: v as "P1" })} allowDeselect={false} disabled={busy} />
          <Select label={t("service.fields.assignee")} data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={found.assigneeUserId}
            onChange={(v) => v !== found.assigneeUserId && void save({ assigneeUserId: v })} clearable searchable disabled={busy} />
        </Group>
        <Group align="flex-end" gap="xs">
          <TextInput style={{ flex: 1 }} label={t("service.followUp")} placeholder={t("service.followUpPlaceholder")} value={task} maxLength={200} onChange={(e) => setTask(e.currentTarget.value)} />
          <Button variant="light" disabled={task.trim() === ""} loading={busy} onClick={() => void addTask()}>{t("service.createTask")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
