import { Badge, Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import type { TScoreSummary, TSurveyResults } from "@openkam/contracts";
import { IconMessage2 } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LazyChart } from "../../components/charts/LazyChart";
import type { EChartOption } from "../../components/charts/EChart";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { tierColor } from "../../lib/colors";
import { formatDateTime } from "../../lib/format";
import { useSurveyResults, useVerbatims } from "./surveys.api";

const num = (v: number | null, digits = 1) => (v === null ? "—" : v.toFixed(digits).replace(/\.0+$/, ""));
const pct = (v: number | null) => (v === null ? "—" : `${num(v)}%`);

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={28} fw={700}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

function overTimeOption(rows: TSurveyResults["overTime"], labels: { nps: string; csat: string; rate: string }): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 40, right: 40, top: 20, bottom: 40 },
    xAxis: { type: "category", data: rows.map((r) => r.period) },
    yAxis: [{ type: "value", min: -100, max: 100, name: "NPS" }, { type: "value", min: 0, max: 100, name: "%" }],
    series: [
      { name: labels.nps, type: "line", data: rows.map((r) => r.nps), connectNulls: true, symbolSize: 8 },
      { name: labels.rate, type: "bar", yAxisIndex: 1, data: rows.map((r) => r.responseRate), itemStyle: { opacity: 0.35 }, barMaxWidth: 48 },
      { name: labels.csat, type: "line", yAxisIndex: 1, data: rows.map((r) => r.csatSatisfiedPct), connectNulls: true, symbolSize: 8 },
    ],
  };
}

function groupOption(rows: Array<TScoreSummary & { label: string }>, label: string): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 90, right: 20, top: 10, bottom: 30 },
    xAxis: { type: "value", min: -100, max: 100 },
    yAxis: { type: "category", data: rows.map((r) => r.label) },
    series: [{ name: label, type: "bar", data: rows.map((r) => r.nps), barMaxWidth: 28 }],
  };
}

/** Verbatims: what customers wrote, as text (never HTML), newest first, filterable. */
function Verbatims({ surveyId, accountId }: { surveyId?: string; accountId?: string }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>("all");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const verbatims = useVerbatims({ surveyId, accountId, q: q || undefined, category: category === "all" ? undefined : (category as "promoter") });
  const items = verbatims.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">{t("surveys.results.verbatims")}</Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs" value={category} onChange={setCategory} aria-label={t("surveys.results.category")}
            data={["all", "promoter", "passive", "detractor"].map((c) => ({ value: c, label: t(`surveys.results.categories.${c}`) }))}
          />
          <TextInput size="xs" placeholder={t("surveys.results.search")} aria-label={t("surveys.results.search")} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </Group>
      </Group>
      {verbatims.isLoading ? <Skeleton height={120} /> : items.length === 0 ? (
        <Paper withBorder radius="md"><EmptyHint icon={<IconMessage2 />} title={t("surveys.results.noVerbatims")} description={t("surveys.results.noVerbatimsText")} /></Paper>
      ) : items.map((v) => (
        <Card key={v.id} withBorder radius="md" padding="sm" data-testid="verbatim">
          <Group justify="space-between" mb={4} wrap="wrap">
            <Group gap="xs">
              {v.npsScore !== null && <Badge color={v.npsScore >= 9 ? "teal" : v.npsScore >= 7 ? "gray" : "red"}>NPS {v.npsScore}</Badge>}
              {v.csatScore !== null && <Badge variant="light">CSAT {v.csatScore}</Badge>}
              {!accountId && <Text size="sm" component={Link} to={`/accounts/${v.accountId}`} fw={600}>{v.accountName}</Text>}
              {v.contactName && <Text size="sm" c="dimmed">{v.contactName}</Text>}
            </Group>
            <Group gap="xs">
              {v.feedbackItemId && <Button size="compact-xs" variant="light" component={Link} to={`/feedback/${v.feedbackItemId}`}>{t("surveys.results.feedbackItem")}</Button>}
              <Text size="xs" c="dimmed">{formatDateTime(v.submittedAt)}</Text>
            </Group>
          </Group>
          {v.comment && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{v.comment}</Text>}
          {v.texts.map((x) => (
            <Text key={x.questionId} size="sm" mt={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}><Text span c="dimmed">{x.prompt} </Text>{x.text}</Text>
          ))}
        </Card>
      ))}
      {verbatims.hasNextPage && <Button variant="default" loading={verbatims.isFetchingNextPage} onClick={() => void verbatims.fetchNextPage()}>{t("common.loadMore")}</Button>}
    </Stack>
  );
}

/** NPS, CSAT and response rates with their trend, by tier, segment and account, and the verbatims. */
export function ResultsPanel({ surveyId, accountId, compact = false }: { surveyId?: string; accountId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState<"month" | "quarter">("quarter");
  const [tier, setTier] = useState<string | null>(null);
  const results = useSurveyResults({ surveyId, accountId, granularity, tier: (tier ?? undefined) as never });
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  if (!results.data) return <Stack><Skeleton height={90} /><Skeleton height={280} /></Stack>;
  const r = results.data;
  const o = r.overall;
  return (
    <Stack gap="lg">
      {!compact && (
        <Group gap="xs">
          <SegmentedControl size="xs" value={granularity} onChange={(v) => setGranularity(v as "month")} aria-label={t("surveys.results.granularity")}
            data={[{ value: "quarter", label: t("surveys.results.quarter") }, { value: "month", label: t("surveys.results.month") }]} />
          {!accountId && (
            <Select size="xs" clearable placeholder={t("surveys.results.allTiers")} aria-label={t("surveys.results.tier")} value={tier} onChange={setTier}
              data={ACCOUNT_TIERS.map((x) => ({ value: x, label: t(`enums.tier.${x}`) }))} w={180} />
          )}
        </Group>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="NPS" value={num(o.nps)} hint={t("surveys.results.npsHint", { promoters: o.promoters, passives: o.passives, detractors: o.detractors })} />
        <Stat label="CSAT" value={num(o.csat, 2)} hint={t("surveys.results.csatHint", { pct: pct(o.csatSatisfiedPct) })} />
        <Stat label={t("surveys.results.responseRate")} value={pct(o.responseRate)} hint={t("surveys.results.rateHint", { responses: o.responses, invited: o.invited })} />
        <Stat label={t("surveys.results.responses")} value={String(o.responses)} />
      </SimpleGrid>
      {o.invited === 0 && o.responses === 0 ? null : (
        <>
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="sm">{t("surveys.results.overTime")}</Title>
            <LazyChart option={overTimeOption(r.overTime, { nps: "NPS", csat: t("surveys.results.csatSatisfied"), rate: t("surveys.results.responseRate") })} label={t("surveys.results.overTime")} />
          </Card>
          {!compact && !accountId && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder radius="md">
                <Title order={2} size="h4" mb="sm">{t("surveys.results.byTier")}</Title>
                <LazyChart height={200} option={groupOption(r.byTier.map((x) => ({ ...x, label: t(`enums.tier.${x.tier}`) })), "NPS")} label={t("surveys.results.byTier")} />
              </Card>
              <Card withBorder radius="md">
                <Title order={2} size="h4" mb="sm">{t("surveys.results.bySegment")}</Title>
                <LazyChart height={200} option={groupOption(r.bySegment.map((x) => ({ ...x, label: x.segment ?? t("surveys.results.noSegment") })), "NPS")} label={t("surveys.results.bySegment")} />
              </Card>
            </SimpleGrid>
          )}
          {!compact && !accountId && r.byAccount.length > 0 && (
            <Card withBorder radius="md" padding={0}>
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead><Table.Tr>
                    <Table.Th>{t("surveys.results.account")}</Table.Th><Table.Th>{t("surveys.results.tier")}</Table.Th><Table.Th>NPS</Table.Th><Table.Th>CSAT</Table.Th>
                    <Table.Th>{t("surveys.results.responseRate")}</Table.Th>
                  </Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {r.byAccount.map((a) => (
                      <Table.Tr key={a.accountId}>
                        <Table.Td><Link to={`/accounts/${a.accountId}`}>{a.accountName}</Link></Table.Td>
                        <Table.Td><Badge size="sm" color={tierColor(a.tier)} variant="light">{t(`enums.tier.${a.tier}`)}</Badge></Table.Td>
                        <Table.Td>{num(a.nps)}</Table.Td><Table.Td>{num(a.csat, 2)}</Table.Td><Table.Td>{pct(a.responseRate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </>
      )}
      <Verbatims surveyId={surveyId} accountId={accountId} />
    </Stack>
  );
}
