import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { TAnalysisRun } from "@openkam/contracts";
import { ANALYSIS_KINDS } from "@openkam/domain/analytics/analysis-runs";
import { MATRIX_QUADRANTS } from "@openkam/domain/analytics/segmentation-matrix";
import { useTranslation } from "react-i18next";
import { Link, useOutletContext } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { formatDate } from "../../lib/format";
import { formatAmount, formatCount, formatNumber, formatShare } from "./identify-format";
import { isFinished, useLatestRuns, type AnalysisKind } from "./identify.api";
import type { IdentifyOutlet } from "./IdentifyPage";
import { groupLabel } from "./labels";
import { RunProgress, RunStatusBadge } from "./parts";
import { totalOf } from "./result-values";

/** The order a director reads them in: who matters (matrix), how they buy (RFM), concentration, value, outlook, the rule. */
const ORDER: AnalysisKind[] = ["matrix", "rfm", "pareto", "clv", "forecast", "selection"];

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={650} data-testid={testId}>{value}</Text>
    </div>
  );
}

/** The figures a run is read for, from its summary. */
function KeyFigures({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  if (!run.summary) return null;
  switch (run.kind) {
    case "matrix": {
      const counts = run.summary!.counts;
      return <SimpleGrid cols={2} spacing={6}>{MATRIX_QUADRANTS.map((q) => <Stat key={q} label={t(`identify.quadrants.${q}`)} value={formatCount(counts[q])} />)}</SimpleGrid>;
    }
    case "rfm": {
      const top = Object.entries(run.summary!.segmentCounts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 4);
      if (top.length === 0) return <Text size="sm" c="dimmed">{t("identify.emptyRunTitle")}</Text>;
      return <SimpleGrid cols={2} spacing={6}>{top.map(([g, n]) => <Stat key={g} label={groupLabel(t, "rfm", g)} value={formatCount(n)} />)}</SimpleGrid>;
    }
    case "pareto": {
      const s = run.summary!;
      return (
        <SimpleGrid cols={2} spacing={6}>
          <Stat label={t("identify.pareto.top20")} value={formatShare(s.top20Share)} />
          <Stat label={t("identify.pareto.gini")} value={formatNumber(s.gini, 2)} />
          <Stat label={t("identify.abc.A")} value={formatCount(s.classCounts.A)} />
          <Stat label={t("identify.pareto.totalRevenue")} value={formatAmount(s.totalRevenue, run.currency, true)} />
        </SimpleGrid>
      );
    }
    case "clv":
      return (
        <SimpleGrid cols={2} spacing={6}>
          <Stat label={t("identify.clv.total")} value={formatAmount(run.summary!.totalClv, run.currency, true)} />
          <Stat label={t("identify.accounts")} value={formatCount(run.accountCount)} />
        </SimpleGrid>
      );
    case "forecast": {
      const total = run.summary!.total;
      return (
        <SimpleGrid cols={2} spacing={6}>
          <Stat label={t("identify.forecast.next", { months: total.forecast.length })} value={formatAmount(totalOf(total.forecast), run.currency, true)} />
          <Stat label={t("identify.forecast.mape")} value={total.mape === null ? "—" : formatShare(total.mape)} />
        </SimpleGrid>
      );
    }
    case "selection":
      return (
        <SimpleGrid cols={2} spacing={6}>
          <Stat label={t("identify.selection.selected")} value={formatCount(run.summary!.selected)} />
          <Stat label={t("identify.selection.not_selected")} value={formatCount(run.summary!.notSelected)} />
        </SimpleGrid>
      );
  }
}

/** Latest run of each kind, with what it found and a way to run it again. */
export function OverviewView() {
  const { t } = useTranslation();
  const { openNewAnalysis, canRun } = useOutletContext<IdentifyOutlet>();
  const queries = useLatestRuns(ANALYSIS_KINDS);
  const byKind = new Map(ANALYSIS_KINDS.map((kind, i) => [kind, queries[i]!]));

  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
      {ORDER.map((kind) => {
        const query = byKind.get(kind)!;
        const runs = query.data?.items ?? [];
        const latest = runs[0];
        const succeeded = runs.find((r) => r.status === "succeeded");
        return (
          <Card key={kind} withBorder radius="md" padding="md" data-testid={`overview-${kind}`}>
            <Stack gap="xs" h="100%">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={2} size="h5">{t(`identify.kinds.${kind}`)}</Title>
                {latest && <RunStatusBadge run={latest} />}
              </Group>
              <Text size="xs" c="dimmed">{t(`identify.kindHints.${kind}`)}</Text>
              {query.isPending ? <Skeleton height={72} /> : query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : !latest ? (
                <Text size="sm" c="dimmed">{t("identify.notRunYet")}</Text>
              ) : (
                <Stack gap={6}>
                  {!isFinished(latest) || latest.status === "failed" ? <RunProgress run={latest} /> : null}
                  {succeeded && (
                    <>
                      <Text size="xs" c="dimmed">
                        {t("identify.latestRun", { date: formatDate(succeeded.asOf), name: succeeded.createdBy.name })}
                      </Text>
                      <KeyFigures run={succeeded} />
                    </>
                  )}
                </Stack>
              )}
              <Group gap="xs" mt="auto" pt="xs">
                {succeeded && <Button component={Link} to={`/identify/runs/${succeeded.id}`} size="xs" variant="light">{t("identify.openRun")}</Button>}
                {canRun && (kind === "selection"
                  // The builder opens on the latest rule evaluated, ready to adjust.
                  ? <Button component={Link} to={succeeded ? `/identify/rules?run=${succeeded.id}` : "/identify/rules"} size="xs" variant="default">{t("identify.openRules")}</Button>
                  : <Button size="xs" variant="default" onClick={() => openNewAnalysis(kind)} aria-label={t("identify.runKind", { action: latest ? t("identify.runAgain") : t("identify.runNow"), kind: t(`identify.kinds.${kind}`) })}>{latest ? t("identify.runAgain") : t("identify.runNow")}</Button>)}
                {runs.length > 0 && <Anchor component={Link} to={`/identify/runs?kind=${kind}`} size="xs" ml="auto">{t("identify.allRunsOfKind")}</Anchor>}
              </Group>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
