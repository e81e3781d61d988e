import { Anchor, Badge, Breadcrumbs, Code, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { formatKpiValue, localised } from "./kpi-format";
import { useKpiDefinition, useProgrammeKpiValues } from "./kpis.api";
import { TrafficLight } from "./TrafficLight";

/** One KPI's page: what it means, how it is computed, the query behind it and the programme's value now. */
export function KpiDefinitionPage() {
  const { key = "" } = useParams();
  const { t } = useTranslation();
  const definition = useKpiDefinition(key);
  const values = useProgrammeKpiValues();

  if (definition.isError) return <ErrorState error={definition.error} onRetry={() => void definition.refetch()} />;
  if (!definition.data) return <Stack><Skeleton height={40} width="40%" /><Skeleton height={160} /><Skeleton height={240} /></Stack>;
  const d = definition.data;
  const value = values.data?.values.find((v) => v.key === d.key);

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/kpis" size="sm">{t("kpis.title")}</Anchor>
        <Text size="sm">{localised(d.name)}</Text>
      </Breadcrumbs>
      <PageHeader title={localised(d.name)} description={t(`kpis.perspectives.${d.perspective}`)} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Paper withBorder radius="md" p="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("kpis.programmeValue")}</Text>
            {values.isPending ? <Skeleton height={28} mt={6} width={120} /> : (
              <Group gap="xs" mt={4}>
                <Text fw={700} size="xl">{formatKpiValue(value?.value, d.unit, values.data?.currency ?? "CNY")}</Text>
                {value?.status !== undefined && <TrafficLight status={value.status ?? null} />}
              </Group>
            )}
            {values.data && <Text size="xs" c="dimmed">{t("kpis.periodRange", { from: values.data.period.from, to: values.data.period.to })}</Text>}
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("kpis.unit")}</Text>
            <Text fw={600} mt={4}>{t(`kpis.units.${d.unit}`)}</Text>
            <Badge mt={6} variant="light" color="gray">{t(`kpis.directions.${d.direction}`)}</Badge>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("kpis.source")}</Text>
            <Text mt={4} size="sm" ff="monospace">{d.source}</Text>
          </Paper>
        </SimpleGrid>
        <section aria-labelledby="kpi-definition">
          <Title id="kpi-definition" order={2} size="h4" mb="xs">{t("kpis.definition")}</Title>
          <Text>{localised(d.definition)}</Text>
        </section>
        <section aria-labelledby="kpi-formula">
          <Title id="kpi-formula" order={2} size="h4" mb="xs">{t("kpis.formula")}</Title>
          <Code block>{d.formula}</Code>
        </section>
        <section aria-labelledby="kpi-query">
          <Title id="kpi-query" order={2} size="h4" mb={4}>{t("kpis.query")}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t("kpis.queryHint", { file: d.queryFile })}</Text>
          <Code block style={{ maxHeight: 480, overflow: "auto" }} data-testid="kpi-sql" tabIndex={0} aria-label={t("kpis.query")}>{d.sql}</Code>
        </section>
      </Stack>
    </>
  );
}
