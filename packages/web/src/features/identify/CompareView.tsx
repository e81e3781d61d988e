import { ActionIcon, Anchor, Badge, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import type { TAnalysisRun } from "@openkam/contracts";
import { IconArrowRight, IconArrowsLeftRight, IconArrowsExchange } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate } from "../../lib/format";
import { sankeyOption } from "./chart-options";
import { formatCount } from "./identify-format";
import { useComparison, useRuns, type AnalysisKind } from "./identify.api";
import { defaultPair } from "./run-pair";
import { IdentifyChart } from "./IdentifyChart";
import { groupColor, groupLabel } from "./labels";
import { ChartPanel, Figure } from "./parts";

/** Kinds whose runs put accounts in groups, so there is movement to show. */
const COMPARABLE = ["matrix", "rfm", "pareto", "selection"] as const satisfies readonly AnalysisKind[];
type Comparable = (typeof COMPARABLE)[number];

function runOption(t: (key: string, options?: Record<string, unknown>) => string, run: TAnalysisRun) {
  return { value: run.id, label: t("identify.compare.runOption", { date: formatDate(run.asOf), name: run.createdBy.name, created: formatDate(run.createdAt) }) };
}

/** Two runs of the same kind: how many accounts moved between groups, as a Sankey and as lists. */
export function CompareView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const from = params.get("from");
  const to = params.get("to");
  const kindParam = params.get("kind");
  const all = useRuns({ cursor: null, limit: 200 });
  const known = all.data?.items ?? [];
  const inferred = known.find((r) => r.id === to || r.id === from)?.kind;
  const kind: Comparable = (COMPARABLE as readonly string[]).includes(kindParam ?? "") ? (kindParam as Comparable)
    : (COMPARABLE as readonly string[]).includes(inferred ?? "") ? (inferred as Comparable) : "matrix";
  const runs = known.filter((r) => r.kind === kind && r.status === "succeeded");
  const { fromId, toId } = defaultPair(runs, from, to);
  const comparison = useComparison(fromId, toId);

  const update = (patch: Record<string, string | null>) => setParams((current) => {
    const next = new URLSearchParams(current);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return next;
  }, { replace: true });

  const data = comparison.data;
  const option = useMemo(() => (data ? sankeyOption(data.transitions, (g) => groupLabel(t, kind, g), t("identify.accounts"), groupColor) : null), [data, kind, t]);
  const total = data?.transitions.reduce((s, x) => s + x.accounts, 0) ?? 0;
  const stayed = data?.transitions.filter((x) => x.from === x.to).reduce((s, x) => s + x.accounts, 0) ?? 0;
  const options = runs.map((r) => runOption(t, r));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("identify.kind")}
            data={COMPARABLE.map((k) => ({ value: k, label: t(`identify.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && update({ kind: v, from: null, to: null })}
            allowDeselect={false}
            w={220}
          />
          <Select label={t("identify.compare.from")} data={options} value={fromId} onChange={(v) => update({ kind, from: v, to: toId })} placeholder={t("identify.compare.pick")} w={420} searchable nothingFoundMessage={t("identify.compare.noRuns")} />
          <Tooltip label={t("identify.compare.swap")}>
            <ActionIcon variant="default" size="lg" aria-label={t("identify.compare.swap")} onClick={() => update({ kind, from: toId, to: fromId })} disabled={!fromId || !toId}>
              <IconArrowsLeftRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Select label={t("identify.compare.to")} data={options} value={toId} onChange={(v) => update({ kind, from: fromId, to: v })} placeholder={t("identify.compare.pick")} w={420} searchable nothingFoundMessage={t("identify.compare.noRuns")} />
        </Group>
      </Paper>

      {all.isPending ? <Skeleton height={200} /> : all.isError ? <ErrorState error={all.error} onRetry={() => void all.refetch()} /> : runs.length < 2 && !(fromId && toId) ? (
        <EmptyHint icon={<IconArrowsExchange />} title={t("identify.compare.needTwoTitle")} description={t("identify.compare.needTwoText", { kind: t(`identify.kinds.${kind}`) })} />
      ) : !fromId || !toId ? (
        <Text size="sm" c="dimmed">{t("identify.compare.pickBoth")}</Text>
      ) : fromId === toId ? (
        <Text size="sm" c="dimmed">{t("identify.compare.same")}</Text>
      ) : comparison.isError ? <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} /> : !data || !option ? <TableSkeleton rows={6} /> : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Figure label={t("identify.compare.accounts")} value={formatCount(total)} hint={t("identify.compare.between", { from: formatDate(data.from.asOf), to: formatDate(data.to.asOf) })} />
            <Figure label={t("identify.compare.stayed")} value={formatCount(stayed)} />
            <Figure label={t("identify.compare.moved")} value={formatCount(total - stayed)} testId="compare-moved" />
          </SimpleGrid>
          <ChartPanel
            title={t("identify.compare.flowTitle")}
            chart={total > 0 ? <IdentifyChart option={option} height={Math.max(320, data.transitions.length * 18)} label={t("identify.compare.chartLabel", { moved: formatCount(total - stayed), total: formatCount(total) })} /> : <Text size="sm" c="dimmed">{t("identify.noData")}</Text>}
            table={(
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("identify.compare.fromGroup")}</Table.Th>
                    <Table.Th>{t("identify.compare.toGroup")}</Table.Th>
                    <Table.Th ta="right">{t("identify.accounts")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.transitions.filter((x) => x.accounts > 0).map((x) => (
                    <Table.Tr key={`${x.from}-${x.to}`}>
                      <Table.Td>{groupLabel(t, kind, x.from)}</Table.Td>
                      <Table.Td>{groupLabel(t, kind, x.to)}</Table.Td>
                      <Table.Td ta="right">{formatCount(x.accounts)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          />
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h5" mb="sm">{t("identify.compare.movedTitle")}</Title>
            {data.moved.length === 0 ? <Text size="sm" c="dimmed">{t("identify.compare.noneMoved")}</Text> : (
              <Table.ScrollContainer minWidth={560}>
                <Table highlightOnHover data-testid="moved-accounts">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("identify.account")}</Table.Th>
                      <Table.Th>{t("identify.compare.movement")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.moved.map((m) => (
                      <Table.Tr key={m.accountId}>
                        <Table.Td><Anchor component={Link} to={`/accounts/${m.accountId}`} size="sm">{m.accountName}</Anchor></Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <Badge size="sm" variant="light" tt="none" color={groupColor(m.from)}>{groupLabel(t, kind, m.from)}</Badge>
                            <IconArrowRight size={14} aria-label={t("identify.compare.to")} />
                            <Badge size="sm" variant="light" tt="none" color={groupColor(m.to)}>{groupLabel(t, kind, m.to)}</Badge>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
