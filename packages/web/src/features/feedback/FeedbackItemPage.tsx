import { Alert, Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Stepper, Text, Timeline, Title } from "@mantine/core";
import { IconAlarm, IconChecklist } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate, formatDateTime } from "../../lib/format";
import { useFeedbackItem } from "./feedback.api";
import { formatDuration, loopSteps } from "./feedback-view";
import { FeedbackActions } from "./FeedbackActions";
import { FeedbackStatusBadge, SeverityBadge } from "./parts";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

const sourcePath = (source: string, id: string | null) => (id && source === "interaction" ? `/interactions/${id}` : id && source === "case" ? `/cases/${id}` : null);

/** One item: the loop as a stepper with the time spent in each state, what is late, and the moves allowed next. */
export function FeedbackItemPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const found = useFeedbackItem(id);
  usePageTitle(found.data?.title);
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  if (!found.data) return <Stack><Skeleton height={40} width="50%" /><Skeleton height={90} /><Skeleton height={200} /></Stack>;
  const item = found.data;
  const units = { day: t("feedback.units.day"), hour: t("feedback.units.hour"), lessThanHour: t("feedback.units.lessThanHour") };
  const steps = loopSteps(item);
  const active = steps.findIndex((s) => s.state === "current");
  const from = sourcePath(item.source, item.sourceId);

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/feedback" size="sm">{t("feedback.title")}</Anchor>
        <Anchor component={Link} to={`/accounts/${item.accountId}?tab=feedback`} size="sm">{item.accountName}</Anchor>
      </Breadcrumbs>
      <Stack gap={6} mb="md">
        <Title order={1} size="h2">{item.title}</Title>
        <Group gap="xs">
          <FeedbackStatusBadge status={item.status} />
          <SeverityBadge severity={item.severity} />
          {item.category && <Badge variant="default" tt="none">{item.category}</Badge>}
          <Text size="sm" c="dimmed">{t("feedback.raisedAt", { at: formatDateTime(item.createdAt) })}</Text>
        </Group>
      </Stack>

      {item.overdue ? (
        <Alert color="red" icon={<IconAlarm />} mb="md" title={t("feedback.overdueTitle")}>
          {t("feedback.overdueText", { status: t(`feedback.status.${item.status}`), date: formatDate(item.dueAt), count: item.daysOverdue })}
        </Alert>
      ) : item.dueAt && (
        <Text size="sm" c="dimmed" mb="md">{t("feedback.nextDue", { date: formatDateTime(item.dueAt) })}</Text>
      )}

      <Paper withBorder radius="md" p="lg" mb="md">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="sm">{t("feedback.loop")}</Text>
        <Stepper active={active === -1 ? steps.length : active} size="sm" allowNextStepsSelect={false} aria-label={t("feedback.loop")}>
          {steps.map((s) => (
            <Stepper.Step
              key={s.status} label={t(`feedback.status.${s.status}`)}
              description={s.state === "ahead" ? t(`feedback.statusHint.${s.status}`) : s.status === "closed" ? formatDate(s.enteredAt) : t("feedback.timeIn", { time: formatDuration(s.ms, units) })}
              color={s.state === "current" && item.overdue ? "red" : undefined}
            />
          ))}
        </Stepper>
        {item.nextStatuses.length > 0 && (
          <Group mt="lg" gap="sm">
            <Text size="sm" fw={600}>{t("feedback.nextStep")}</Text>
            <FeedbackActions item={item} />
          </Group>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="md">
        <Paper withBorder radius="md" p="lg">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t(item.source === "email" ? "feedback.fields.message" : "feedback.fields.description")}</Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }} mb="md">{item.description ?? "—"}</Text>
          <SimpleGrid cols={2} spacing="md">
            <Field label={t("feedback.fields.account")}><Anchor component={Link} to={`/accounts/${item.accountId}?tab=feedback`} size="sm">{item.accountName}</Anchor></Field>
            <Field label={t("feedback.fields.source")}>{from ? <Anchor component={Link} to={from} size="sm">{t(`feedback.source.${item.source}`)}</Anchor> : t(`feedback.source.${item.source}`)}</Field>
            <Field label={t("feedback.fields.owner")}>{item.ownerName ?? "—"}</Field>
            <Field label={t("feedback.fields.area")}>{item.area ?? "—"}</Field>
            {item.source === "email" && <Field label={t("feedback.fields.emailFrom")}>{item.emailFrom ?? "—"}</Field>}
            {item.source === "email" && <Field label={t("feedback.fields.emailSentAt")}>{formatDateTime(item.emailSentAt) || "—"}</Field>}
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="sm">{t("feedback.action.title")}</Text>
          {item.action ? (
            <Stack gap="xs" data-testid="feedback-action">
              <Group gap="xs"><IconChecklist size={18} /><Anchor component={Link} to={`/tasks/board?source=feedback`} fw={600}>{item.action.title}</Anchor></Group>
              <Group gap="xs">
                <Badge variant="light" color={item.action.status === "done" ? "teal" : "blue"}>{t(`enums.taskStatus.${item.action.status}`)}</Badge>
                <Text size="sm" c="dimmed">{t("feedback.action.assignee", { name: item.action.assigneeName ?? "—" })}</Text>
                {item.action.dueDate && <Text size="sm" c="dimmed">{t("feedback.action.due", { date: formatDate(item.action.dueDate) })}</Text>}
              </Group>
            </Stack>
          ) : <Text size="sm" c="dimmed">{t("feedback.action.none")}</Text>}
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="lg">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="sm">{t("feedback.history")}</Text>
        {item.transitions.length === 0 ? <Text size="sm" c="dimmed">{t("feedback.noHistory")}</Text> : (
          <Timeline bulletSize={14} lineWidth={2}>
            {item.transitions.map((tr) => (
              <Timeline.Item key={tr.id} title={t("feedback.moveLine", { from: t(`feedback.status.${tr.from}`), to: t(`feedback.status.${tr.to}`) })}>
                <Text size="xs" c="dimmed">{formatDateTime(tr.at)}{tr.byName ? ` · ${tr.byName}` : ""}</Text>
                {tr.note && <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{tr.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Paper>
    </>
  );
}
