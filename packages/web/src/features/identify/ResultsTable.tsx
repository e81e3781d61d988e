import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import type { TAnalysisResult } from "@openkam/contracts";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { tierColor } from "../../lib/colors";
import { forecastOption } from "./chart-options";
import { growthBreakdown, type GrowthComponent } from "./growth-breakdown";
import { formatAmount, formatCount, formatNumber, formatShare } from "./identify-format";
import type { AnalysisKind, RunOf } from "./identify.api";
import { IdentifyChart } from "./IdentifyChart";
import { groupColor, groupLabel } from "./labels";
import { clvValues, forecastValues, matrixValues, paretoValues, rfmValues, totalOf } from "./result-values";

type ScoredRun = RunOf<"rfm"> | RunOf<"pareto"> | RunOf<"matrix"> | RunOf<"clv"> | RunOf<"forecast">;

/** A figure with the score it earned: "123 days" and a small "R 4". */
function Scored({ value, score, label }: { value: ReactNode; score: number; label: string }) {
  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Text size="sm">{value}</Text>
      <Badge size="sm" variant="light" color={score >= 4 ? "teal" : score <= 2 ? "orange" : "gray"} aria-label={`${label} ${score}`}>{label} {score}</Badge>
    </Group>
  );
}

function AccountCells({ result, kind }: { result: TAnalysisResult; kind: AnalysisKind }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td><Anchor component={Link} to={`/accounts/${result.accountId}`} size="sm" fw={500}>{result.accountName}</Anchor></Table.Td>
      <Table.Td miw={110}><Badge size="sm" color={tierColor(result.tier)}>{t(`enums.tier.${result.tier}`)}</Badge></Table.Td>
      <Table.Td><Text size="sm" c={result.ownerName ? undefined : "dimmed"}>{result.ownerName ?? t("identify.noOwner")}</Text></Table.Td>
      {kind !== "clv" && kind !== "forecast" && (
        <Table.Td miw={160}>{result.group ? <Badge size="sm" variant="light" color={groupColor(result.group)} tt="none">{groupLabel(t, kind, result.group)}</Badge> : "—"}</Table.Td>
      )}
    </>
  );
}

function componentRaw(t: (key: string, options?: Record<string, unknown>) => string, component: GrowthComponent, raw: number | null, score: number | null): string {
  if (raw === null) return component === "yoyGrowth" && score !== null ? t("identify.matrix.firstYear") : t("identify.rules.unknown");
  switch (component) {
    case "yoyGrowth": return formatShare(raw, { signed: true });
    case "relativeSlope": return t("identify.matrix.perMonth", { value: formatShare(raw, { signed: true }) });
    case "walletHeadroom":
    case "pipelineRatio":
      return formatShare(raw);
    case "strategicImportance": return `${formatNumber(raw, 0)} / 5`;
  }
}

/** Why the growth score is what it is: each input, its score, its weight and the points it brings. */
function GrowthExplanation({ result, currency }: { result: TAnalysisResult; currency: string }) {
  const { t } = useTranslation();
  const v = matrixValues(result);
  const rows = growthBreakdown(v);
  return (
    <Table withTableBorder verticalSpacing={2} fz="xs" aria-label={t("identify.matrix.explainFor", { name: result.accountName })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("identify.matrix.component")}</Table.Th>
          <Table.Th ta="right">{t("identify.matrix.input")}</Table.Th>
          <Table.Th ta="right">{t("identify.matrix.score")}</Table.Th>
          <Table.Th ta="right">{t("identify.matrix.weight")}</Table.Th>
          <Table.Th ta="right">{t("identify.matrix.points")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.component} c={r.score === null ? "dimmed" : undefined}>
            <Table.Td>{t(`identify.matrix.components.${r.component}`)}</Table.Td>
            <Table.Td ta="right">{componentRaw(t, r.component, r.raw, r.score)}</Table.Td>
            <Table.Td ta="right">{r.score === null ? t("identify.matrix.leftOut") : formatNumber(r.score, 2)}</Table.Td>
            <Table.Td ta="right">{r.score === null ? "—" : formatShare(r.weight, { digits: 0 })}</Table.Td>
            <Table.Td ta="right">{r.score === null ? "—" : formatNumber(r.points, 3)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={600}>
          <Table.Td colSpan={4}>{t("identify.matrix.growth")}</Table.Td>
          <Table.Td ta="right">{formatNumber(v.growth, 3)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
      <Table.Caption>
        {t("identify.matrix.revenueInputs", { last: formatAmount(v.revenue, currency), previous: formatAmount(v.revenuePrevious12m, currency) })}
        {v.pipelineSource && v.openPipeline != null && <> {t(`identify.matrix.pipelineFrom.${v.pipelineSource}`, { value: formatAmount(v.openPipeline, currency) })}</>}
      </Table.Caption>
    </Table>
  );
}

function ClvExplanation({ result, run }: { result: TAnalysisResult; run: RunOf<"clv"> }) {
  const { t } = useTranslation();
  const v = clvValues(result);
  const unit = run.parameters.timeUnit ?? "week";
  const items: Array<[string, string]> = [
    [t("identify.clv.repeatPurchases"), formatCount(v.frequency)],
    [t("identify.clv.recency"), t(`identify.units.${unit}`, { count: formatNumber(v.recency, 1) })],
    [t("identify.clv.age"), t(`identify.units.${unit}`, { count: formatNumber(v.T, 1) })],
    [t("identify.clv.historicRevenue"), formatAmount(v.historicRevenue, run.currency)],
    [t("identify.clv.pAlive"), formatShare(v.pAlive)],
    [t("identify.clv.expectedPurchases"), formatNumber(v.expectedPurchases, 2)],
    [t("identify.clv.averageSpend"), formatAmount(v.expectedAverageSpend, run.currency)],
  ];
  return (
    <div>
      <Group gap="lg" component="dl" m={0}>
        {items.map(([label, value]) => (
          <div key={label}><Text component="dt" size="xs" c="dimmed">{label}</Text><Text component="dd" size="sm" m={0}>{value}</Text></div>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>{t("identify.clv.formula", { horizon: t(`identify.units.${unit}`, { count: run.parameters.horizon ?? 52 }) })}</Text>
    </div>
  );
}

/** The account's own months behind its forecast: what it bought, what is expected, and how far off the backtest was. */
function ForecastExplanation({ result, currency }: { result: TAnalysisResult; currency: string }) {
  const { t } = useTranslation();
  const v = forecastValues(result);
  const option = useMemo(
    () => forecastOption(v, { history: t("identify.forecast.history"), forecast: t("identify.forecast.forecast"), pipeline: t("identify.forecast.pipeline") }, (x) => formatAmount(x, currency, true)),
    [v, t, currency],
  );
  if (v.history.length === 0 && v.forecast.length === 0) return <Text size="sm" c="dimmed">{t("identify.noData")}</Text>;
  return (
    <div>
      <IdentifyChart option={option} height={200} label={t("identify.forecast.explainFor", { name: result.accountName })} />
      <Text size="xs" c="dimmed">{t("identify.forecast.mape")}: {v.mape === null ? t("identify.forecast.noBacktest") : formatShare(v.mape)}</Text>
    </div>
  );
}

/** One page of a run's results, with the inputs behind every score. */
export function ResultsTable({ run, items }: { run: ScoredRun; items: TAnalysisResult[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const money = (v: number | null) => formatAmount(v, run.currency);
  const explainable = run.kind === "matrix" || run.kind === "clv" || run.kind === "forecast";
  const columns = (() => {
    switch (run.kind) {
      case "rfm": return [t("identify.rfm.recency"), t("identify.rfm.frequency"), t("identify.rfm.monetary")];
      case "pareto": return [t("identify.pareto.rank"), t("identify.pareto.revenue"), t("identify.pareto.share"), t("identify.pareto.cumulative")];
      case "matrix": return [t("identify.matrix.revenue"), t("identify.matrix.contribution"), t("identify.matrix.growth")];
      case "clv": return [t("identify.clv.clv"), t("identify.clv.pAlive"), t("identify.clv.expectedPurchases"), t("identify.clv.averageSpend")];
      case "forecast": return [t("identify.forecast.last12"), t("identify.forecast.next", { months: run.parameters.horizon ?? 12 }), t("identify.forecast.mape")];
    }
  })();

  function figures(r: TAnalysisResult): ReactNode[] {
    switch (run.kind) {
      case "rfm": {
        const v = rfmValues(r);
        return [
          <Scored key="r" value={t("identify.rfm.daysAgo", { days: formatCount(v.recency) })} score={v.r} label="R" />,
          <Scored key="f" value={formatCount(v.frequency)} score={v.f} label="F" />,
          <Scored key="m" value={money(v.monetary)} score={v.m} label="M" />,
        ];
      }
      case "pareto": {
        const v = paretoValues(r);
        return [formatCount(v.rank), money(v.revenue), formatShare(v.share, { digits: 2 }), formatShare(v.cumulativeShare)];
      }
      case "matrix": {
        const v = matrixValues(r);
        return [money(v.revenue), formatShare(v.contribution, { digits: 2 }), formatNumber(v.growth, 2)];
      }
      case "clv": {
        const v = clvValues(r);
        return [money(v.clv), formatShare(v.pAlive), formatNumber(v.expectedPurchases, 2), money(v.expectedAverageSpend)];
      }
      case "forecast": {
        const v = forecastValues(r);
        return [money(totalOf(v.history.slice(-12))), money(totalOf(v.forecast)), v.mape === null ? "—" : formatShare(v.mape)];
      }
    }
  }

  const span = 4 + (run.kind === "clv" || run.kind === "forecast" ? -1 : 0) + columns.length + (explainable ? 1 : 0);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover verticalSpacing="xs" data-testid="run-results">
        <Table.Thead>
          <Table.Tr>
            {explainable && <Table.Th w={40}><VisuallyHidden>{t("identify.explain")}</VisuallyHidden></Table.Th>}
            <Table.Th>{t("identify.account")}</Table.Th>
            <Table.Th>{t("identify.tier")}</Table.Th>
            <Table.Th>{t("identify.owner")}</Table.Th>
            {run.kind !== "clv" && run.kind !== "forecast" && <Table.Th>{t(`identify.groupColumn.${run.kind}`)}</Table.Th>}
            {columns.map((c) => <Table.Th key={c} ta="right">{c}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => {
            const expanded = open === r.accountId;
            return (
              <Fragment key={r.accountId}>
                <Table.Tr>
                  {explainable && (
                    <Table.Td>
                      <Tooltip label={t("identify.explain")}>
                        <ActionIcon variant="subtle" size="sm" aria-expanded={expanded} aria-label={t("identify.explainFor", { name: r.accountName })} onClick={() => setOpen(expanded ? null : r.accountId)}>
                          {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                  <AccountCells result={r} kind={run.kind} />
                  {figures(r).map((f, i) => <Table.Td key={i} ta="right">{f}</Table.Td>)}
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td colSpan={span} bg="var(--mantine-color-default-hover)">
                      {run.kind === "matrix" ? <GrowthExplanation result={r} currency={run.currency} />
                        : run.kind === "clv" ? <ClvExplanation result={r} run={run} />
                        : run.kind === "forecast" ? <ForecastExplanation result={r} currency={run.currency} /> : null}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
