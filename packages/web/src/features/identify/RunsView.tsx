import { Anchor, Button, Group, Paper, Progress, Select, Table, Text } from "@mantine/core";
import type { TAnalysisRun } from "@openkam/contracts";
import { ANALYSIS_KINDS } from "@openkam/domain/analytics/analysis-runs";
import { IconChartHistogram, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useOutletContext, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate, formatDateTime } from "../../lib/format";
import { formatAmount, formatCount, formatShare } from "./identify-format";
import { isFinished, useRuns, type AnalysisKind } from "./identify.api";
import type { IdentifyOutlet } from "./IdentifyPage";
import { groupLabel } from "./labels";
import { RunStatusBadge } from "./parts";

/** The run's main figures in one line, so the list reads without opening each run. */
export function RunHeadline({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  if (run.status === "failed") return <Text size="xs" c="red" lineClamp={2}>{run.error ?? t("identify.runFailed")}</Text>;
  if (!isFinished(run)) {
    return <Progress value={100} striped animated size="sm" w={120} aria-label={t(`identify.progress.${run.status}`)} color={run.status === "queued" ? "gray" : "blue"} />;
  }
  const s = run.summary;
  if (!s) return <Text size="xs" c="dimmed">—</Text>;
  let text: string;
  switch (run.kind) {
    case "rfm": {
      const counts = run.summary!.segmentCounts;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 2);
      text = top.map(([g, n]) => `${groupLabel(t, "rfm", g)} ${formatCount(n)}`).join(" · ");
      break;
    }
    case "pareto": text = t("identify.headline.pareto", { top20: formatShare(run.summary!.top20Share), a: formatCount(run.summary!.classCounts.A) }); break;
    case "matrix": text = t("identify.headline.matrix", { count: formatCount(run.summary!.counts.strategic_partner) }); break;
    case "clv": text = t("identify.headline.clv", { total: formatAmount(run.summary!.totalClv, run.currency, true) }); break;
    case "forecast": text = t("identify.headline.forecast", { mape: run.summary!.total.mape === null ? "—" : formatShare(run.summary!.total.mape) }); break;
    case "selection": text = t("identify.headline.selection", { selected: formatCount(run.summary!.selected), total: formatCount(run.summary!.selected + run.summary!.notSelected) }); break;
  }
  return <Text size="xs" c="dimmed">{text}</Text>;
}

/** Every run, newest first, with a live status while queued or running. */
export function RunsView() {
  const { t } = useTranslation();
  const { openNewAnalysis, canRun } = useOutletContext<IdentifyOutlet>();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get("kind");
  const kind = (ANALYSIS_KINDS as readonly string[]).includes(kindParam ?? "") ? (kindParam as AnalysisKind) : null;
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const list = useRuns({ kind, cursor: cursors[cursors.length - 1] ?? null });
  const items = list.data?.items ?? [];

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <Select
          label={t("identify.kindFilter")}
          placeholder={t("identify.allKinds")}
          data={ANALYSIS_KINDS.map((k) => ({ value: k, label: t(`identify.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setCursors([null]);
            setParams(v ? { kind: v } : {}, { replace: true });
          }}
          clearable
          w={240}
        />
      </Group>
      <Paper withBorder radius="md">
        {list.isPending ? <TableSkeleton rows={5} /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconChartHistogram />} title={t("identify.noRunsTitle")} description={t("identify.noRunsText")}>
            {canRun && <Button onClick={() => openNewAnalysis(kind && kind !== "selection" ? kind : undefined)}>{t("identify.newAnalysis")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("identify.kind")}</Table.Th>
                  <Table.Th>{t("identify.statusLabel")}</Table.Th>
                  <Table.Th>{t("identify.inputs.asOf")}</Table.Th>
                  <Table.Th>{t("identify.createdBy")}</Table.Th>
                  <Table.Th ta="right">{t("identify.accounts")}</Table.Th>
                  <Table.Th>{t("identify.headlineLabel")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Td><Anchor component={Link} to={`/identify/runs/${run.id}`} size="sm" fw={500}>{t(`identify.kinds.${run.kind}`)}</Anchor></Table.Td>
                    <Table.Td><RunStatusBadge run={run} /></Table.Td>
                    <Table.Td>{formatDate(run.asOf)}</Table.Td>
                    <Table.Td><Text size="sm">{run.createdBy.name}</Text><Text size="xs" c="dimmed">{formatDateTime(run.createdAt)}</Text></Table.Td>
                    <Table.Td ta="right">{run.status === "succeeded" ? formatCount(run.accountCount) : "—"}</Table.Td>
                    <Table.Td maw={320}><RunHeadline run={run} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {(cursors.length > 1 || list.data?.nextCursor) && (
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>{t("common.previous")}</Button>
          <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!list.data?.nextCursor} onClick={() => setCursors((c) => [...c, list.data!.nextCursor])}>{t("common.next")}</Button>
        </Group>
      )}
    </>
  );
}
