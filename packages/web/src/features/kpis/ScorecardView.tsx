import { Anchor, Card, Group, Paper, RingProgress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { TKpiDefinition, TScorecard, TScorecardKpi } from "@openkam/contracts";
import { IconChartLine } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LazyChart } from "../../components/charts/LazyChart";
import { EmptyHint } from "../../components/EmptyHint";
import { formatKpiValue, lightColor, localised } from "./kpi-format";
import { TrafficLight } from "./TrafficLight";

const LIGHT_HEX = { green: "#12b886", amber: "#fab005", red: "#fa5252" } as const;

/** Four quarters of one KPI as a small line; points colored by their light. */
function Sparkline({ kpi, label }: { kpi: TScorecardKpi; label: string }) {
  const option = useMemo(() => ({
    animation: false,
    grid: { left: 2, right: 2, top: 6, bottom: 6 },
    xAxis: { type: "category", show: false, data: kpi.trend.map((p) => p.quarter) },
    yAxis: { type: "value", show: false, scale: true },
    tooltip: { trigger: "axis", confine: true },
    series: [{
      type: "line", connectNulls: false, symbolSize: 6, lineStyle: { width: 1.5, color: "#868e96" },
      data: kpi.trend.map((p) => ({ value: p.value, itemStyle: { color: p.status ? LIGHT_HEX[p.status] : "#adb5bd" } })),
    }],
  }), [kpi.trend]);
  if (kpi.trend.every((p) => p.value === null)) return <Text size="xs" c="dimmed">—</Text>;
  return <LazyChart option={option} height={36} label={label} />;
}

/** The balanced scorecard of one subject and quarter: the overall score, then one card per perspective. */
export function ScorecardView({ card, definitions }: { card: TScorecard; definitions: readonly TKpiDefinition[] }) {
  const { t } = useTranslation();
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const nameOf = (key: string) => (byKey.get(key as TKpiDefinition["key"]) ? localised(byKey.get(key as TKpiDefinition["key"])!.name) : key);
  const measurable = card.perspectives.some((p) => p.kpis.some((k) => k.value !== null));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" wrap="wrap">
          <Group gap="md">
            <RingProgress
              size={84} thickness={8} roundCaps
              sections={card.score === null ? [] : [{ value: card.score, color: lightColor(card.status) }]}
              label={<Text ta="center" fw={700} size="lg">{card.score === null ? "—" : Math.round(card.score)}</Text>}
              aria-label={t("kpis.scorecard.overallScore")}
            />
            <Stack gap={2}>
              <Text fw={650}>{t("kpis.scorecard.overallScore")}</Text>
              <Group gap="xs"><TrafficLight status={card.status} /><Text size="sm" c="dimmed">{t("kpis.scorecard.accounts", { count: card.accounts })}</Text></Group>
            </Stack>
          </Group>
          <Group gap="lg" aria-label={t("kpis.scorecard.trend")}>
            {card.trend.map((p) => (
              <Stack key={p.quarter} gap={2} align="center">
                <Text size="xs" c="dimmed">{p.quarter}</Text>
                <Text fw={600} c={p.status ? lightColor(p.status) : "dimmed"}>{p.score === null ? "—" : p.score.toFixed(1)}</Text>
              </Stack>
            ))}
          </Group>
        </Group>
      </Paper>
      {card.excludedOrders.currency > 0 && (
        <Text size="sm" c="dimmed">{t("kpis.scorecard.excludedOrders", { count: card.excludedOrders.currency, currency: card.currency })}</Text>
      )}
      {!measurable && (
        <Paper withBorder radius="md">
          <EmptyHint icon={<IconChartLine />} title={t("kpis.scorecard.nothingTitle")} description={t("kpis.scorecard.nothingText")} />
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {card.perspectives.map((p) => (
          <Card key={p.key} withBorder radius="md" padding="md" data-testid={`perspective-${p.key}`}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">{t(`kpis.perspectives.${p.key}`)}</Title>
              <Group gap="xs">
                <Text size="sm" c="dimmed">{t("kpis.scorecard.weightShare", { pct: Math.round(p.normalisedWeight * 100) })}</Text>
                <Text fw={650}>{p.score === null ? "—" : p.score.toFixed(1)}</Text>
                <TrafficLight status={p.status} />
              </Group>
            </Group>
            {p.kpis.length === 0 ? (
              <Text size="sm" c="dimmed">{t("kpis.scorecard.noKpis")}</Text>
            ) : (
              <Table verticalSpacing={4} aria-label={t(`kpis.perspectives.${p.key}`)}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("kpis.kpi")}</Table.Th>
                    <Table.Th ta="right">{t("kpis.value")}</Table.Th>
                    <Table.Th ta="right">{t("kpis.target")}</Table.Th>
                    <Table.Th>{t("kpis.status")}</Table.Th>
                    <Table.Th w={110}>{t("kpis.scorecard.trend")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.kpis.map((k) => (
                    <Table.Tr key={k.key}>
                      <Table.Td><Anchor component={Link} to={`/kpis/${k.key}`} size="sm">{nameOf(k.key)}</Anchor></Table.Td>
                      <Table.Td ta="right"><Text size="sm" fw={600}>{formatKpiValue(k.value, k.unit, card.currency)}</Text></Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>{t(k.direction === "higher_is_better" ? "kpis.atLeast" : "kpis.atMost", { value: formatKpiValue(k.target, k.unit, card.currency) })}</Text>
                      </Table.Td>
                      <Table.Td><TrafficLight status={k.status} size="xs" /></Table.Td>
                      <Table.Td><Sparkline kpi={k} label={t("kpis.scorecard.trendOf", { name: nameOf(k.key) })} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
