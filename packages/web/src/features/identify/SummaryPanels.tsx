import { Anchor, Badge, Button, CloseButton, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { ABC_CLASSES } from "@openkam/domain/analytics/pareto";
import { RFM_SEGMENTS } from "@openkam/domain/analytics/rfm-segments";
import { IconChartDots } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { TableSkeleton } from "../../components/TableSkeleton";
import { clvBandLabel, clvHistogramOption, forecastOption, heatmapCells, matrixOption, paretoOption, quadrantAt, rfmHeatmapOption, type MatrixPoint } from "./chart-options";
import { ruleText } from "./condition-text";
import { formatAmount, formatCount, formatNumber, formatShare } from "./identify-format";
import { useAllResults, type MatrixQuadrant, type RunOf } from "./identify.api";
import { IdentifyChart } from "./IdentifyChart";
import type { ChartClick } from "./IdentifyEChart";
import { groupColor } from "./labels";
import { ChartPanel, Explained, Figure, SelectionSources } from "./parts";
import { cumulativeAt, matrixValues, rfmValues, totalOf } from "./result-values";

type OnGroup = (group: string) => void;

/** The quadrants as they lie in the chart: high growth on top, high contribution on the right. */
const QUADRANT_LAYOUT: MatrixQuadrant[] = ["problem_account", "strategic_partner", "dog", "cash_cow"];

function GroupButton({ label, count, color, onClick, testId, description }: { label: string; count: number; color: string; onClick: () => void; testId: string; description?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onClick} aria-label={t("identify.showGroup", { group: label, count: formatCount(count) })} style={{ display: "block", width: "100%" }}>
      <Paper withBorder p="sm" radius="md" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
        <Text size="sm" fw={600}>{label}</Text>
        <Text size="xl" fw={700} data-testid={testId}>{formatCount(count)}</Text>
        {description && <Text size="xs" c="dimmed">{description}</Text>}
      </Paper>
    </UnstyledButton>
  );
}

// The contribution axis is logarithmic when one account dwarfs the others: its ticks (0.0001% … 100%) read best
// without trailing zeros, the smallest with four digits.
const contributionText = (v: number) => formatShare(v, { digits: v > 0 && v < 0.001 ? 4 : 2, trim: true });

export function MatrixPanel({ run, onGroup }: { run: RunOf<"matrix">; onGroup: OnGroup }) {
  const { t } = useTranslation();
  const summary = run.summary!;
  const all = useAllResults(run.id, run.accountCount > 0);
  const points = useMemo<MatrixPoint[]>(() => (all.data?.items ?? []).map((r) => {
    const v = matrixValues(r);
    return { id: r.accountId, name: r.accountName, tier: r.tier, revenue: v.revenue, contribution: v.contribution, growth: v.growth };
  }), [all.data]);
  const option = useMemo(() => matrixOption(points, summary.thresholds, {
    contribution: t("identify.matrix.contribution"), contributionLog: t("identify.matrix.contributionLog"), growth: t("identify.matrix.growth"), revenue: t("identify.matrix.revenue"),
    tier: (tier) => t(`enums.tier.${tier}`), quadrant: (q) => t(`identify.quadrants.${q}`),
  }, (v) => formatAmount(v, run.currency, true), contributionText), [points, summary.thresholds, t, run.currency]);
  const byQuadrant = useMemo(() => {
    const totals = new Map<MatrixQuadrant, number>();
    for (const p of points) {
      const q = quadrantAt(p.contribution, p.growth, summary.thresholds);
      totals.set(q, (totals.get(q) ?? 0) + Math.max(0, p.revenue));
    }
    return totals;
  }, [points, summary.thresholds]);
  const totalRevenue = [...byQuadrant.values()].reduce((s, v) => s + v, 0);

  function onClick(click: ChartClick) {
    if (click.kind === "plot") onGroup(quadrantAt(click.point[0], click.point[1], summary.thresholds));
    else {
      const point = points.find((p) => p.id === (click.data as { id?: string } | null)?.id);
      if (point) onGroup(quadrantAt(point.contribution, point.growth, summary.thresholds));
    }
  }

  if (run.accountCount === 0) return <NoAccounts />;
  const label = t("identify.matrix.chartLabel", { accounts: formatCount(run.accountCount) });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" aria-label={t("identify.matrix.quadrantCounts")} role="group">
        {QUADRANT_LAYOUT.map((q) => (
          <GroupButton key={q} label={t(`identify.quadrants.${q}`)} description={t(`identify.quadrantHints.${q}`)} count={summary.counts[q] ?? 0} color={groupColor(q)} onClick={() => onGroup(q)} testId={`quadrant-count-${q}`} />
        ))}
      </SimpleGrid>
      <ChartPanel
        title={t("identify.matrix.title")}
        chart={all.isPending ? <Skeleton height={420} /> : (
          <>
            <IdentifyChart option={option} height={420} label={label} onClick={onClick} />
            <Text size="xs" c="dimmed" mt={4}>{t("identify.matrix.howToRead")}{all.data && !all.data.complete ? ` ${t("identify.chartLimited", { count: formatCount(points.length) })}` : ""}</Text>
          </>
        )}
        table={(
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.matrix.quadrant")}</Table.Th>
                <Table.Th ta="right">{t("identify.accounts")}</Table.Th>
                <Table.Th ta="right">{t("identify.matrix.revenue")}</Table.Th>
                <Table.Th ta="right">{t("identify.matrix.revenueShare")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {QUADRANT_LAYOUT.map((q) => (
                <Table.Tr key={q}>
                  <Table.Td><Anchor component="button" type="button" size="sm" onClick={() => onGroup(q)}>{t(`identify.quadrants.${q}`)}</Anchor></Table.Td>
                  <Table.Td ta="right">{formatCount(summary.counts[q])}</Table.Td>
                  <Table.Td ta="right">{all.data ? formatAmount(byQuadrant.get(q) ?? 0, run.currency) : "…"}</Table.Td>
                  <Table.Td ta="right">{all.data && totalRevenue > 0 ? formatShare((byQuadrant.get(q) ?? 0) / totalRevenue) : "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      />
    </Stack>
  );
}

export function RfmPanel({ run, onGroup }: { run: RunOf<"rfm">; onGroup: OnGroup }) {
  const { t } = useTranslation();
  const summary = run.summary!;
  const [cell, setCell] = useState<{ r: number; f: number } | null>(null);
  const money = useCallback((v: number) => formatAmount(v, run.currency, true), [run.currency]);
  const option = useMemo(() => rfmHeatmapOption(summary, {
    recency: t("identify.rfm.rScore"), frequency: t("identify.rfm.fScore"), monetary: t("identify.rfm.monetary"), accounts: t("identify.accounts"),
  }, money), [summary, t, money]);
  const cells = heatmapCells(summary);

  function onClick(click: ChartClick) {
    if (click.kind !== "item" || !Array.isArray(click.data)) return;
    const [f, r] = click.data as [number, number];
    setCell({ r: r + 1, f: f + 1 });
  }

  if (run.accountCount === 0) return <NoAccounts />;
  const segments = RFM_SEGMENTS.filter((s) => (summary.segmentCounts[s] ?? 0) > 0);
  return (
    <Stack gap="md">
      <ChartPanel
        title={t("identify.rfm.heatmapTitle")}
        chart={(
          <>
            <IdentifyChart option={option} height={380} label={t("identify.rfm.chartLabel", { accounts: formatCount(run.accountCount) })} onClick={onClick} />
            <Text size="xs" c="dimmed" mt={4}>{t("identify.rfm.howToRead")}</Text>
          </>
        )}
        table={(
          <Table withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.rfm.rByF")}</Table.Th>
                {[1, 2, 3, 4, 5].map((f) => <Table.Th key={f} ta="center">F {f}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[5, 4, 3, 2, 1].map((r) => (
                <Table.Tr key={r}>
                  <Table.Th>R {r}</Table.Th>
                  {[1, 2, 3, 4, 5].map((f) => {
                    const c = cells.find((x) => x.r === r && x.f === f)!;
                    return (
                      <Table.Td key={f} ta="center">
                        <Anchor component="button" type="button" size="sm" onClick={() => setCell({ r, f })} aria-label={t("identify.rfm.cellLabel", { r, f, accounts: formatCount(c.accounts), monetary: money(c.monetary) })}>
                          {formatCount(c.accounts)}
                        </Anchor>
                        <Text size="xs" c="dimmed">{money(c.monetary)}</Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        aside={(
          <Stack gap={6}>
            <Text size="sm" fw={600}>{t("identify.rfm.segments")}</Text>
            {segments.map((s) => (
              <Group key={s} justify="space-between" wrap="nowrap">
                <Anchor component="button" type="button" size="sm" onClick={() => onGroup(s)}>
                  <Badge color={groupColor(s)} variant="dot" tt="none" style={{ cursor: "pointer" }}>{t(`identify.segments.${s}`)}</Badge>
                </Anchor>
                <Text size="sm" fw={600}>{formatCount(summary.segmentCounts[s])}</Text>
              </Group>
            ))}
          </Stack>
        )}
      />
      {cell && <RfmCellAccounts run={run} cell={cell} onClose={() => setCell(null)} />}
    </Stack>
  );
}

/** The accounts of one heatmap cell (R and F scores), with their inputs. */
function RfmCellAccounts({ run, cell, onClose }: { run: RunOf<"rfm">; cell: { r: number; f: number }; onClose: () => void }) {
  const { t } = useTranslation();
  const all = useAllResults(run.id, true);
  const rows = (all.data?.items ?? []).filter((r) => rfmValues(r).r === cell.r && rfmValues(r).f === cell.f);
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h6">{t("identify.rfm.cellTitle", { r: cell.r, f: cell.f, count: formatCount(all.data ? rows.length : 0) })}</Title>
        <CloseButton aria-label={t("common.close")} onClick={onClose} />
      </Group>
      {all.isPending ? <TableSkeleton rows={3} /> : rows.length === 0 ? <Text size="sm" c="dimmed">{t("identify.rfm.cellEmpty")}</Text> : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.account")}</Table.Th>
                <Table.Th>{t("identify.rfm.segment")}</Table.Th>
                <Table.Th ta="right">{t("identify.rfm.recency")}</Table.Th>
                <Table.Th ta="right">{t("identify.rfm.frequency")}</Table.Th>
                <Table.Th ta="right">{t("identify.rfm.monetary")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const v = rfmValues(r);
                return (
                  <Table.Tr key={r.accountId}>
                    <Table.Td><Anchor component={Link} to={`/accounts/${r.accountId}`} size="sm">{r.accountName}</Anchor></Table.Td>
                    <Table.Td>{r.group ? t(`identify.segments.${r.group}`) : "—"}</Table.Td>
                    <Table.Td ta="right">{t("identify.rfm.daysAgo", { days: formatCount(v.recency) })}</Table.Td>
                    <Table.Td ta="right">{formatCount(v.frequency)}</Table.Td>
                    <Table.Td ta="right">{formatAmount(v.monetary, run.currency)} · M {v.m}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function ParetoPanel({ run, onGroup }: { run: RunOf<"pareto">; onGroup: OnGroup }) {
  const { t } = useTranslation();
  const summary = run.summary!;
  const option = useMemo(() => paretoOption(summary, {
    revenue: t("identify.pareto.sliceRevenue"), cumulative: t("identify.pareto.cumulative"), accounts: t("identify.pareto.topAccounts"),
    classes: { A: t("identify.abc.A"), B: t("identify.abc.B"), C: t("identify.abc.C") },
  }, (v) => formatAmount(v, run.currency, true), (v) => formatShare(v, { digits: 0 })), [summary, t, run.currency]);
  if (summary.customers === 0) return <NoAccounts />;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure label={t("identify.pareto.customers")} value={formatCount(summary.customers)} />
        <Figure label={t("identify.pareto.totalRevenue")} value={formatAmount(summary.totalRevenue, run.currency, true)} />
        <Figure label={t("identify.pareto.top20")} value={formatShare(summary.top20Share)} hint={t("identify.pareto.top20Hint")} />
        <Figure label={t("identify.pareto.gini")} value={formatNumber(summary.gini, 2)} hint={t("identify.pareto.giniHint")} />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm" role="group" aria-label={t("identify.pareto.classes")}>
        {ABC_CLASSES.map((c) => (
          <GroupButton key={c} label={t(`identify.abc.${c}`)} description={t(`identify.abcHints.${c}`)} count={summary.classCounts[c] ?? 0} color={groupColor(c)} onClick={() => onGroup(c)} testId={`class-count-${c}`} />
        ))}
      </SimpleGrid>
      <ChartPanel
        title={t("identify.pareto.title")}
        chart={(
          <>
            <IdentifyChart option={option} height={360} label={t("identify.pareto.chartLabel", { top20: formatShare(summary.top20Share), customers: formatCount(summary.customers) })} />
            <Text size="xs" c="dimmed" mt={4}>{t("identify.pareto.howToRead")}</Text>
          </>
        )}
        table={(
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.pareto.topAccounts")}</Table.Th>
                <Table.Th ta="right">{t("identify.pareto.cumulative")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((share) => (
                <Table.Tr key={share}>
                  <Table.Td>{formatShare(share, { digits: 0 })}</Table.Td>
                  <Table.Td ta="right">{formatShare(cumulativeAt(summary.curve, share))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      />
    </Stack>
  );
}

export function ClvPanel({ run }: { run: RunOf<"clv"> }) {
  const { t } = useTranslation();
  const summary = run.summary!;
  const unit = run.parameters.timeUnit ?? "week";
  const option = useMemo(() => clvHistogramOption(summary, { accounts: t("identify.accounts"), clv: t("identify.clv.clv") }, (v) => formatAmount(v, run.currency, true)), [summary, t, run.currency]);
  if (run.accountCount === 0) return <NoAccounts />;
  const bg = summary.bgnbd;
  const gg = summary.gammaGamma;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Figure label={t("identify.clv.total")} value={formatAmount(summary.totalClv, run.currency, true)} hint={t("identify.clv.totalHint", { horizon: t(`identify.units.${unit}`, { count: run.parameters.horizon ?? 52 }) })} testId="clv-total" />
        <Figure
          label={t("identify.clv.bgnbd")}
          value={bg ? `r ${formatNumber(bg.r, 3)} · α ${formatNumber(bg.alpha, 3)} · a ${formatNumber(bg.a, 3)} · b ${formatNumber(bg.b, 3)}` : t("identify.clv.notFitted")}
          hint={<Explained label={t("identify.clv.whatIsBgnbd")} explanation={t("identify.clv.bgnbdHint")} />}
        />
        <Figure
          label={t("identify.clv.gammaGamma")}
          value={gg ? `p ${formatNumber(gg.p, 3)} · q ${formatNumber(gg.q, 3)} · γ ${formatNumber(gg.gamma, 3)}` : t("identify.clv.notFitted")}
          hint={<Explained label={t("identify.clv.whatIsGammaGamma")} explanation={gg ? t("identify.clv.gammaGammaHint") : t("identify.clv.gammaGammaMissing")} />}
        />
      </SimpleGrid>
      <ChartPanel
        title={t("identify.clv.distribution")}
        chart={summary.distribution.length ? <IdentifyChart option={option} height={320} label={t("identify.clv.chartLabel", { accounts: formatCount(run.accountCount) })} /> : <Text size="sm" c="dimmed">{t("identify.noData")}</Text>}
        table={(
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.clv.band")}</Table.Th>
                <Table.Th ta="right">{t("identify.accounts")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.distribution.map((b) => (
                <Table.Tr key={`${b.from}-${b.to}`}>
                  <Table.Td>{clvBandLabel(b, (v) => formatAmount(v, run.currency))}</Table.Td>
                  <Table.Td ta="right">{formatCount(b.accounts)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      />
    </Stack>
  );
}

export function ForecastPanel({ run }: { run: RunOf<"forecast"> }) {
  const { t } = useTranslation();
  const total = run.summary!.total;
  const option = useMemo(
    () => forecastOption(total, { history: t("identify.forecast.history"), forecast: t("identify.forecast.forecast"), pipeline: t("identify.forecast.pipeline") }, (v) => formatAmount(v, run.currency, true)),
    [total, t, run.currency],
  );
  if (total.history.length === 0 && total.forecast.length === 0) return <NoAccounts />;
  const pipeline = new Map((total.pipeline ?? []).map((m) => [m.month, m.revenue]));
  const holdout = run.parameters.holdout ?? 6;
  const aside = (
    <Stack gap="sm">
      <Figure
        label={t("identify.forecast.mape")}
        value={total.mape === null ? "—" : formatShare(total.mape)}
        hint={total.mape === null ? t("identify.forecast.noBacktest") : t("identify.forecast.mapeHint", { months: holdout })}
        testId="forecast-mape"
      />
      <Figure label={t("identify.forecast.next", { months: total.forecast.length })} value={formatAmount(totalOf(total.forecast), run.currency, true)} />
      <Figure label={t("identify.forecast.method")} value={t(`identify.forecast.methods.${total.method}`)} hint={t(`identify.forecast.methodHints.${total.method}`)} />
      {total.pipeline && (
        <Figure label={t("identify.forecast.pipeline")} value={formatAmount(totalOf(total.pipeline), run.currency, true)} hint={t("identify.forecast.pipelineHint")} testId="forecast-pipeline" />
      )}
    </Stack>
  );
  const rows = [...total.history.map((m) => ({ month: m.month, actual: m.revenue as number | null, forecast: null as number | null })), ...total.forecast.map((m) => ({ month: m.month, actual: null, forecast: m.revenue }))];
  return (
    <ChartPanel
      title={t("identify.forecast.title")}
      aside={aside}
      chart={<IdentifyChart option={option} height={340} label={t("identify.forecast.chartLabel", { months: total.forecast.length, mape: total.mape === null ? "—" : formatShare(total.mape) })} />}
      table={(
        <Table.ScrollContainer minWidth={360} mah={360}>
          <Table striped stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("identify.forecast.month")}</Table.Th>
                <Table.Th ta="right">{t("identify.forecast.history")}</Table.Th>
                <Table.Th ta="right">{t("identify.forecast.forecast")}</Table.Th>
                {total.pipeline && <Table.Th ta="right">{t("identify.forecast.pipeline")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.month}</Table.Td>
                  <Table.Td ta="right">{formatAmount(m.actual, run.currency)}</Table.Td>
                  <Table.Td ta="right">{formatAmount(m.forecast, run.currency)}</Table.Td>
                  {total.pipeline && <Table.Td ta="right">{formatAmount(pipeline.get(m.month) ?? null, run.currency)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    />
  );
}

export function SelectionPanel({ run, onGroup }: { run: RunOf<"selection">; onGroup: OnGroup }) {
  const { t } = useTranslation();
  const summary = run.summary!;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <GroupButton label={t("identify.selection.selected")} count={summary.selected} color="grape" onClick={() => onGroup("selected")} testId="selection-selected" />
        <GroupButton label={t("identify.selection.not_selected")} count={summary.notSelected} color="gray" onClick={() => onGroup("not_selected")} testId="selection-not-selected" />
      </SimpleGrid>
      <Text size="sm"><Text span fw={600}>{t("identify.inputs.rule")}:</Text> {ruleText(t, summary.rule, run.currency)}</Text>
      <SelectionSources run={run} />
      <Group gap="xs">
        <Button component={Link} to={`/identify/rules?run=${run.id}`} variant="light" size="xs">{t("identify.selection.editRule")}</Button>
      </Group>
    </Stack>
  );
}

function NoAccounts() {
  const { t } = useTranslation();
  return <EmptyHint icon={<IconChartDots />} title={t("identify.emptyRunTitle")} description={t("identify.emptyRunText")} />;
}

