import { Alert, Anchor, Badge, Group, Paper, Progress, SegmentedControl, Stack, Text, Title, Tooltip } from "@mantine/core";
import type { TAnalysisRun } from "@openkam/contracts";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../lib/format";
import { ruleText } from "./condition-text";
import { formatCount, formatNumber, formatShare } from "./identify-format";
import { isFinished } from "./identify.api";
import { STATUS_COLORS } from "./labels";

export function RunStatusBadge({ run }: { run: Pick<TAnalysisRun, "status"> }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLORS[run.status]} variant="light">{t(`identify.status.${run.status}`)}</Badge>;
}

/** Queued or running: an indeterminate bar (the job reports no percentage); failed: the error. */
export function RunProgress({ run }: { run: Pick<TAnalysisRun, "status" | "error"> }) {
  const { t } = useTranslation();
  if (run.status === "failed") {
    return <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t("identify.runFailed")}>{run.error ?? t("common.unexpectedError")}</Alert>;
  }
  if (isFinished(run)) return null;
  return (
    <Stack gap={4}>
      <Text size="sm">{t(`identify.progress.${run.status}`)}</Text>
      <Progress value={100} striped animated size="md" radius="xl" aria-label={t("identify.progress.label")} color={run.status === "queued" ? "gray" : "blue"} />
    </Stack>
  );
}

export function Figure({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={650} size="lg" mt={2} data-testid={testId}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}

/**
 * A chart with its data as a table: the table is the text alternative of the picture and the
 * way to read exact figures; the choice is the user's.
 */
export function ChartPanel({ title, chart, table, aside, actions }: { title: string; chart: ReactNode; table: ReactNode; aside?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const [view, setView] = useState<"chart" | "table">("chart");
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h5">{title}</Title>
        <Group gap="xs">
          {actions}
          <SegmentedControl
            size="xs"
            aria-label={t("identify.viewAs", { title })}
            value={view}
            onChange={(v) => setView(v as "chart" | "table")}
            data={[{ value: "chart", label: t("identify.chartView") }, { value: "table", label: t("identify.tableView") }]}
          />
        </Group>
      </Group>
      {aside ? (
        <Group align="flex-start" gap="md" wrap="wrap">
          <div style={{ flex: "1 1 480px", minWidth: 0 }}>{view === "chart" ? chart : table}</div>
          <div style={{ flex: "0 1 240px" }}>{aside}</div>
        </Group>
      ) : view === "chart" ? chart : table}
    </Paper>
  );
}

/** Orders that did not count, so totals can be reconciled with the books. */
export function ExcludedOrdersNote({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  const excluded = run.summary?.excludedOrders;
  if (!excluded || (excluded.currency === 0 && excluded.future === 0)) return null;
  return (
    <Text size="xs" c="dimmed">
      <IconInfoCircle size={14} style={{ verticalAlign: "-2px" }} /> {t("identify.excluded", { currency: formatCount(excluded.currency), future: formatCount(excluded.future), code: run.currency })}
    </Text>
  );
}

/** The inputs the run was made with, in words: what a director asks first about any figure. */
export function RunInputs({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  const items: Array<[string, string]> = [[t("identify.inputs.asOf"), formatDate(run.asOf)]];
  switch (run.kind) {
    case "rfm": {
      const p = run.parameters;
      items.push([t("identify.inputs.lookback"), t("identify.inputs.days", { count: p.lookbackDays ?? 365 })]);
      const s = p.scoring;
      items.push([t("identify.inputs.scoring"), s?.kind === "thresholds"
        ? t("identify.inputs.thresholdScoring", { recency: s.recency.join(" / "), frequency: s.frequency.join(" / "), monetary: s.monetary.join(" / ") })
        : t("identify.inputs.quintiles")]);
      break;
    }
    case "pareto": {
      const p = run.parameters;
      items.push([t("identify.inputs.lookback"), t("identify.inputs.days", { count: p.lookbackDays ?? 365 })]);
      const a = p.cutoffs?.a ?? 0.8;
      const b = p.cutoffs?.b ?? 0.15;
      items.push([t("identify.inputs.cutoffs"), t("identify.inputs.cutoffText", { a: formatShare(a, { trim: true }), ab: formatShare(a + b, { trim: true }) })]);
      break;
    }
    case "matrix": {
      const given = run.parameters.thresholds;
      const used = run.summary?.thresholds;
      // A threshold someone set reads as they typed it; a median the run found, to its digits.
      const describe = (value: number | undefined, usedValue: number | undefined, format: (v: number, trim: boolean) => string) =>
        value !== undefined ? format(value, true) : usedValue !== undefined ? t("identify.inputs.medianValue", { value: format(usedValue, false) }) : t("identify.inputs.median");
      items.push([t("identify.inputs.window"), t("identify.inputs.matrixWindow")]);
      items.push([t("identify.inputs.contributionThreshold"), describe(given?.contribution, used?.contribution, (v, trim) => formatShare(v, { digits: 2, trim }))]);
      items.push([t("identify.inputs.growthThreshold"), describe(given?.growth, used?.growth, (v, trim) => formatNumber(v, 2, { trim }))]);
      break;
    }
    case "clv": {
      const p = run.parameters;
      const unit = p.timeUnit ?? "week";
      items.push([t("identify.inputs.calibrationEnd"), formatDate(p.calibrationEnd ?? run.asOf)]);
      items.push([t("identify.inputs.horizon"), t(`identify.units.${unit}`, { count: p.horizon ?? 52 })]);
      items.push([t("identify.inputs.discountRate"), t("identify.inputs.perUnit", { rate: formatShare(p.discountRate ?? 0.01, { digits: 2, trim: true }), unit: t(`identify.per.${unit}`) })]);
      break;
    }
    case "forecast": {
      const p = run.parameters;
      items.push([t("identify.inputs.horizon"), t("identify.units.month", { count: p.horizon ?? 12 })]);
      items.push([t("identify.inputs.holdout"), t("identify.units.month", { count: p.holdout ?? 6 })]);
      break;
    }
    case "selection":
      items.push([t("identify.inputs.rule"), ruleText(t, run.parameters.rule, run.currency)]);
      break;
  }
  items.push([t("identify.inputs.scope"), t(`identify.scope.${run.scope}`)]);
  items.push([t("identify.inputs.currency"), run.currency]);
  return (
    <Group gap="lg" wrap="wrap" component="dl" style={{ margin: 0 }}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">{label}</Text>
          <Text component="dd" size="sm" m={0} fw={500}>{value}</Text>
        </div>
      ))}
    </Group>
  );
}

const SOURCE_KINDS = { quadrant: "matrix", rfmSegment: "rfm", abcClass: "pareto", clv: "clv" } as const;

/** Which runs a selection rule read its quadrant, segment, class and CLV facts from, as links. */
export function SelectionSources({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  if (run.kind !== "selection" || !run.summary) return null;
  const sources = (Object.keys(SOURCE_KINDS) as Array<keyof typeof SOURCE_KINDS>).flatMap((field) => {
    const id = run.summary!.sources[field];
    return id ? [{ field, id }] : [];
  });
  if (sources.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {t("identify.selection.sources")}{" "}
      {sources.map((s, i) => (
        <span key={s.field}>
          {i > 0 && ", "}
          <Anchor component={Link} to={`/identify/runs/${s.id}`} size="xs" underline="always">{t(`identify.kinds.${SOURCE_KINDS[s.field]}`)}</Anchor>
        </span>
      ))}
    </Text>
  );
}

/** A short label with its explanation on hover or focus. */
export function Explained({ label, explanation }: { label: string; explanation: string }) {
  return (
    <Tooltip label={explanation} multiline w={280} withArrow>
      <Text span size="inherit" td="underline" style={{ textDecorationStyle: "dotted", cursor: "help" }} tabIndex={0}>{label}</Text>
    </Tooltip>
  );
}
