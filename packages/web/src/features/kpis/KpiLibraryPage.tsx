import { Anchor, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { SCORECARD_PERSPECTIVES } from "@openkam/domain/kpis/registry";
import { IconArrowDown, IconArrowUp } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { formatKpiValue, localised } from "./kpi-format";
import { useKpiDefinitions, useProgrammeKpiValues } from "./kpis.api";
import { KpisTabs } from "./KpisTabs";
import { TrafficLight } from "./TrafficLight";

/** The KPI library: every KPI by perspective, with its definition and the programme's value this quarter. */
export function KpiLibraryPage() {
  const { t } = useTranslation();
  const definitions = useKpiDefinitions();
  const values = useProgrammeKpiValues();
  const valueOf = new Map((values.data?.values ?? []).map((v) => [v.key, v]));

  const header = <PageHeader title={t("kpis.title")} description={t("kpis.subtitle")} />;
  if (definitions.isError) return <>{header}<ErrorState error={definitions.error} onRetry={() => void definitions.refetch()} /></>;
  if (!definitions.data) return <>{header}<KpisTabs current="library" /><Stack><Skeleton height={200} /><Skeleton height={200} /></Stack></>;

  return (
    <>
      {header}
      <KpisTabs current="library" />
      {values.data && (
        <Text size="sm" c="dimmed" mb="sm">
          {t("kpis.programmeValuesFor", { from: values.data.period.from, to: values.data.period.to, count: values.data.accounts })}
          {values.data.excludedOrders.currency > 0 && ` ${t("kpis.excludedOrders", { count: values.data.excludedOrders.currency, currency: values.data.currency })}`}
        </Text>
      )}
      <Stack gap="lg">
        {SCORECARD_PERSPECTIVES.map((perspective) => (
          <section key={perspective} aria-labelledby={`kpis-${perspective}`}>
            <Title id={`kpis-${perspective}`} order={2} size="h4" mb="xs">{t(`kpis.perspectives.${perspective}`)}</Title>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" aria-label={t(`kpis.perspectives.${perspective}`)}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("kpis.kpi")}</Table.Th>
                      <Table.Th>{t("kpis.definition")}</Table.Th>
                      <Table.Th>{t("kpis.direction")}</Table.Th>
                      <Table.Th ta="right">{t("kpis.programmeValue")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {definitions.data.filter((d) => d.perspective === perspective).map((d) => {
                      const v = valueOf.get(d.key);
                      return (
                        <Table.Tr key={d.key}>
                          <Table.Td><Anchor component={Link} to={`/kpis/${d.key}`} fw={600}>{localised(d.name)}</Anchor></Table.Td>
                          <Table.Td><Text size="sm" lineClamp={2}>{localised(d.definition)}</Text></Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {d.direction === "higher_is_better" ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />}
                              <Text size="sm">{t(`kpis.directions.${d.direction}`)}</Text>
                            </Group>
                          </Table.Td>
                          <Table.Td ta="right">
                            {values.isPending ? <Skeleton height={16} width={60} ml="auto" /> : (
                              <Stack gap={2} align="flex-end">
                                <Text fw={600}>{formatKpiValue(v?.value, d.unit, values.data?.currency ?? "CNY")}</Text>
                                {v?.status !== undefined && <TrafficLight status={v.status ?? null} size="xs" />}
                              </Stack>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </section>
        ))}
      </Stack>
    </>
  );
}
