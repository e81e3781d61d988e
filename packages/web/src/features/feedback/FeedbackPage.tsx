import { Anchor, Button, Card, Checkbox, Group, MultiSelect, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { TFeedbackItem } from "@openkam/contracts";
import { FEEDBACK_SEVERITIES, FEEDBACK_SOURCES, FEEDBACK_STATUSES } from "@openkam/domain/feedback/index";
import { IconMessageReport, IconPlus, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useFeedbackList, useFeedbackMetrics, type FeedbackFilters } from "./feedback.api";
import { boardColumns, STATUS_COLORS } from "./feedback-view";
import { FeedbackStatusBadge, OverdueBadge, SeverityBadge } from "./parts";
import { RecordFeedbackModal } from "./RecordFeedbackModal";

type View = "list" | "board";

function Metrics() {
  const { t } = useTranslation();
  const metrics = useFeedbackMetrics({});
  if (metrics.isPending) return <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">{[0, 1, 2, 3].map((i) => <Skeleton key={i} height={76} />)}</SimpleGrid>;
  if (!metrics.data) return null;
  const m = metrics.data;
  const open = Object.values(m.openByStatus).reduce((s, n) => s + n, 0);
  const days = (v: number | null) => (v === null ? "—" : t("feedback.metrics.days", { count: v }));
  const tiles = [
    { label: t("feedback.metrics.open"), value: String(open) },
    { label: t("feedback.metrics.overdue"), value: String(m.overdue), alert: m.overdue > 0 },
    { label: t("feedback.metrics.medianClosure"), value: days(m.closure.medianDays) },
    { label: t("feedback.metrics.medianToPlan"), value: days(m.timeInState.acknowledged.medianDays) },
  ];
  const states = ["new", "acknowledged", "planned", "done", "informed"] as const;
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        {tiles.map((tile) => (
          <Paper key={tile.label} withBorder radius="md" p="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">{tile.label}</Text>
            <Text fw={700} size="xl" c={tile.alert ? "red" : undefined}>{tile.value}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="md" data-testid="time-in-state">
        {t("feedback.metrics.timeInState")}{" "}
        {states.map((s) => t("feedback.metrics.stateTimes", {
          state: t(`feedback.status.${s}`), median: days(m.timeInState[s].medianDays), avg: days(m.timeInState[s].avgDays),
        })).join(" · ")}
      </Text>
    </>
  );
}

function ListView({ items }: { items: TFeedbackItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("feedback.fields.title")}</Table.Th>
            <Table.Th>{t("feedback.fields.account")}</Table.Th>
            <Table.Th>{t("feedback.fields.severity")}</Table.Th>
            <Table.Th>{t("feedback.fields.status")}</Table.Th>
            <Table.Th>{t("feedback.fields.owner")}</Table.Th>
            <Table.Th>{t("feedback.fields.source")}</Table.Th>
            <Table.Th>{t("feedback.fields.raised")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="feedback-row">
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/feedback/${i.id}`}>{i.title}</Anchor>
                  <OverdueBadge item={i} />
                </Group>
              </Table.Td>
              <Table.Td><Anchor component={Link} to={`/accounts/${i.accountId}?tab=feedback`} c="dimmed" size="sm">{i.accountName}</Anchor></Table.Td>
              <Table.Td><SeverityBadge severity={i.severity} /></Table.Td>
              <Table.Td><FeedbackStatusBadge status={i.status} /></Table.Td>
              <Table.Td><Text size="sm">{i.ownerName ?? "—"}</Text></Table.Td>
              <Table.Td><Text size="sm">{t(`feedback.source.${i.source}`)}</Text></Table.Td>
              <Table.Td><Text size="sm">{formatDate(i.createdAt)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BoardView({ items }: { items: TFeedbackItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {boardColumns(items).map((column) => (
          <Paper key={column.status} withBorder radius="md" p="sm" w={250} miw={250} bg="var(--mantine-color-default-hover)" component="section" aria-label={t(`feedback.status.${column.status}`)}>
            <Group justify="space-between" mb="xs">
              <Text fw={650} size="sm" c={STATUS_COLORS[column.status]}>{t(`feedback.status.${column.status}`)}</Text>
              <Text size="xs" c="dimmed">{column.items.length}</Text>
            </Group>
            <Stack gap="xs">
              {column.items.length === 0 && <Text size="xs" c="dimmed">{t("feedback.board.empty")}</Text>}
              {column.items.map((i) => (
                <Card key={i.id} withBorder radius="sm" padding="xs" component={Link} to={`/feedback/${i.id}`} data-testid="feedback-card">
                  <Text size="sm" fw={600} lineClamp={2}>{i.title}</Text>
                  <Text size="xs" c="dimmed" mb={4}>{i.accountName}</Text>
                  <Group gap={4}><SeverityBadge severity={i.severity} /><OverdueBadge item={i} /></Group>
                </Card>
              ))}
            </Stack>
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}

/** Every feedback item the user may see, as a list or as a board by state, with the loop's health on top. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  usePageTitle(t("feedback.title"));
  const [params, setParams] = useSearchParams();
  const view: View = params.get("view") === "board" ? "board" : "list";
  const [status, setStatus] = useState<string[]>([]);
  const [severity, setSeverity] = useState<string[]>([]);
  const [source, setSource] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(params.get("overdue") === "true");
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [recording, setRecording] = useState(false);
  const filters: FeedbackFilters = {
    ...(status.length ? { status } : {}), ...(severity.length ? { severity } : {}), ...(source ? { source } : {}),
    ...(overdue ? { overdue: "true" } : {}), ...(mine ? { mine: "true" } : {}), ...(debouncedQ ? { q: debouncedQ } : {}),
  };
  const list = useFeedbackList(filters);
  const items = list.data?.items ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={t("feedback.title")}
        description={t("feedback.subtitle")}
        actions={me.role !== "viewer" && <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>{t("feedback.record")}</Button>}
      />
      <Metrics />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t("feedback.view.label")} value={view}
          onChange={(v) => setParams((p) => { p.set("view", v); return p; }, { replace: true })}
          data={(["list", "board"] as const).map((v) => ({ value: v, label: t(`feedback.view.${v}`) }))}
        />
        <TextInput label={t("feedback.filters.search")} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={200} />
        <MultiSelect label={t("feedback.fields.status")} data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))} value={status} onChange={setStatus} clearable w={220} />
        <MultiSelect label={t("feedback.fields.severity")} data={FEEDBACK_SEVERITIES.map((s) => ({ value: s, label: t(`feedback.severity.${s}`) }))} value={severity} onChange={setSeverity} clearable w={200} />
        <Select label={t("feedback.fields.source")} data={FEEDBACK_SOURCES.map((s) => ({ value: s, label: t(`feedback.source.${s}`) }))} value={source} onChange={setSource} clearable w={160} />
        <Checkbox label={t("feedback.filters.overdue")} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
        <Checkbox label={t("feedback.filters.mine")} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
      </Group>
      <Paper withBorder radius="md" p="md">
        {list.isPending ? <TableSkeleton /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconMessageReport />} title={t(filtered ? "feedback.emptyFilteredTitle" : "feedback.emptyTitle")} description={t(filtered ? "feedback.emptyFilteredText" : "feedback.emptyText")} />
        ) : view === "board" ? <BoardView items={items} /> : <ListView items={items} />}
        {list.data?.nextCursor && <Text size="xs" c="dimmed" mt="sm">{t("feedback.truncated")}</Text>}
      </Paper>
      {recording && <RecordFeedbackModal opened onClose={() => setRecording(false)} />}
    </>
  );
}
