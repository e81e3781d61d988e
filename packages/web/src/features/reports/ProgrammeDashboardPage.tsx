import { Anchor, Badge, Button, Chip, Grid, Group, Pagination, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import type { TDashboardSegment, TProgrammeDashboard } from "@openkam/contracts";
import { ACCOUNT_TIERS, type AccountTier } from "@openkam/domain/enums/index";
import { IconChartBar, IconX } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LazyChart } from "../../components/charts/LazyChart";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { tierColor } from "../../lib/colors";
import { formatMoney, formatPercent } from "../../lib/format";
import { formatKpiValue, lightColor } from "../kpis/kpi-format";
import { filterAccounts, isFocusKey, measureLight, targetText, trendOption, type FocusKey } from "./dashboard-view";
import { kpiName } from "./QbrSections";
import { LightBadge, share, type Light } from "./report-parts";
import { currentQuarterKey, quarterChoices, useProgrammeDashboard, useProgrammeKpis, useProgrammeScorecard } from "./reports.api";

const PAGE_SIZE = 50;

function Tile({ label, value, hint, light, focus, active, onFocus }: {
  label: string; value: string; hint?: string; light: Light; focus: FocusKey; active: boolean; onFocus: (key: FocusKey) => void;
}) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={() => onFocus(focus)} aria-pressed={active} aria-label={t("reports.dashboard.drill", { measure: label })} data-testid={`tile-${focus}`}>
      <Paper withBorder radius="md" p="sm" h="100%" style={active ? { borderColor: "var(--mantine-color-blue-6)", borderWidth: 2 } : undefined}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
        <Group gap={8} mt={2} wrap="wrap" align="center">
          <Text size="xl" fw={700}>{value}</Text>
          <LightBadge light={light} />
        </Group>
        {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      </Paper>
    </UnstyledButton>
  );
}

function SegmentTable({ rows, dimension, onPick }: { rows: TDashboardSegment[]; dimension: "tier" | "industry"; onPick: (key: string) => void }) {
  const { t } = useTranslation();
  const label = (key: string) => (dimension === "tier" ? t(`enums.tier.${key}`) : key || t("reports.dashboard.noIndustry"));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`reports.dashboard.${dimension}`)}</Table.Th><Table.Th>{t("reports.dashboard.accounts")}</Table.Th><Table.Th>{t("reports.revenue")}</Table.Th>
            <Table.Th>{t("reports.growth")}</Table.Th><Table.Th>{t("reports.nps")}</Table.Th><Table.Th>{t("reports.sla")}</Table.Th><Table.Th>{t("reports.cadence")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.key}>
              <Table.Td><Anchor component="button" type="button" size="sm" onClick={() => onPick(s.key)}>{label(s.key)}</Anchor></Table.Td>
              <Table.Td>{s.accounts}</Table.Td><Table.Td>{formatMoney(s.revenue, null, { compact: true })}</Table.Td><Table.Td>{formatPercent(s.revenueGrowthPct)}</Table.Td>
              <Table.Td>{s.nps ?? "—"}</Table.Td><Table.Td>{share(s.slaAttainment)}</Table.Td><Table.Td>{share(s.cadenceCompliance)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The programme's scorecard and KPI library values, from the KPI module's endpoints, loaded beside the dashboard. */
function LibraryFigures({ quarter }: { quarter: string }) {
  const { t, i18n } = useTranslation();
  const scorecard = useProgrammeScorecard(quarter);
  const kpis = useProgrammeKpis(quarter);
  if (scorecard.isPending || kpis.isPending) return <Skeleton height={28} radius="md" />;
  const card = scorecard.data;
  return (
    <Stack gap="xs">
      {card && (
        <Group gap="xs" wrap="wrap" aria-label={t("reports.dashboard.scorecard")} data-testid="dashboard-scorecard">
          <Text size="sm" fw={600}>{t("reports.dashboard.scorecard")}: {card.score ?? "—"}</Text>
          {card.perspectives.map((p) => (
            <Group key={p.key} gap={4} wrap="nowrap">
              <Text size="sm">{t(`reports.perspectives.${p.key}`)} {p.score ?? "—"}</Text>
              <LightBadge light={p.status} label={t(`reports.perspectives.${p.key}`)} />
            </Group>
          ))}
          <Anchor component={Link} to="/kpis/scorecards" size="sm">{t("reports.dashboard.scorecardLink")}</Anchor>
        </Group>
      )}
      {kpis.data && kpis.data.values.length > 0 && (
        <Group gap="xs" wrap="wrap" aria-label={t("reports.dashboard.kpiLibrary")}>
          {kpis.data.values.map((k) => (
            // The light variant, as every traffic light: a yellow outline on white is below 4.5:1.
            <Badge key={k.key} color={lightColor(k.status ?? null)}>
              {kpiName(k.key, i18n.language)}: {formatKpiValue(k.value, k.unit, kpis.data.currency)}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function Tiles({ board, focus, onFocus }: { board: TProgrammeDashboard; focus: FocusKey | null; onFocus: (key: FocusKey) => void }) {
  const { t } = useTranslation();
  const x = board.totals;
  const g = board.targets;
  const target = (value: string | null) => (value === null ? t("reports.dashboard.offCard") : t("reports.target", { value }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        <Tile focus="growth" active={focus === "growth"} onFocus={onFocus} label={t("reports.growth")} value={formatPercent(x.revenueGrowthPct)}
          hint={formatMoney(x.revenue, board.currency, { compact: true })} light={measureLight(x.revenueGrowthPct, g.revenueGrowthPct)} />
        <Tile focus="nps" active={focus === "nps"} onFocus={onFocus} label={t("reports.nps")} value={x.nps === null ? "—" : String(x.nps)}
          hint={t("reports.dashboard.responses", { count: x.responses })} light={measureLight(x.nps, g.nps)} />
        <Tile focus="csat" active={focus === "csat"} onFocus={onFocus} label={t("reports.csat")} value={share(x.csat)} hint={target(targetText(g.csat, "%"))} light={measureLight(x.csat, g.csat)} />
        <Tile focus="sla" active={focus === "sla"} onFocus={onFocus} label={t("reports.sla")} value={share(x.slaAttainment)} hint={target(targetText(g.slaAttainment, "%"))} light={measureLight(x.slaAttainment, g.slaAttainment)} />
        <Tile focus="cadence" active={focus === "cadence"} onFocus={onFocus} label={t("reports.cadence")} value={share(x.cadenceCompliance)} hint={target(targetText(g.cadenceCompliance, "%"))} light={measureLight(x.cadenceCompliance, g.cadenceCompliance)} />
        <Tile focus="plan" active={focus === "plan"} onFocus={onFocus} label={t("reports.plan")} value={share(x.planCompletion)} hint={target(targetText(g.planCompletion, "%"))} light={measureLight(x.planCompletion, g.planCompletion)} />
        <Tile focus="feedback" active={focus === "feedback"} onFocus={onFocus} label={t("reports.feedback")} value={String(x.openFeedback)}
          hint={t("reports.dashboard.overdue", { count: x.overdueFeedback })} light={x.overdueFeedback > 0 ? "red" : x.openFeedback > 0 ? "amber" : "green"} />
      </SimpleGrid>
      <LibraryFigures quarter={board.quarter.key} />
    </Stack>
  );
}

/** /programme/dashboard: the programme for the director, with drill-down from a tile or segment to the accounts and on to a review. */
export function ProgrammeDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const quarter = params.get("quarter") ?? currentQuarterKey();
  const tiers = params.getAll("tier").filter((v): v is AccountTier => (ACCOUNT_TIERS as readonly string[]).includes(v));
  const industry = params.get("industry");
  const focusParam = params.get("focus");
  const focus = isFocusKey(focusParam) ? focusParam : null;
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const dashboard = useProgrammeDashboard(quarter, tiers);
  const board = dashboard.data;

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setPage(1);
    setParams(next, { replace: true });
  };
  const rows = useMemo(() => (board ? filterAccounts(board.accounts, { industry, focus, q }) : []), [board, industry, focus, q]);
  const pageRows = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const choices = [...new Set([quarter, ...quarterChoices()])];

  const controls = (
    <Group gap="xs" align="flex-end">
      <Select label={t("reports.quarter")} data={choices} value={quarter} allowDeselect={false} w={140}
        onChange={(value) => value && update((next) => next.set("quarter", value))} />
    </Group>
  );

  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  return (
    <>
      <PageHeader title={t("reports.dashboard.title")} description={t("reports.dashboard.subtitle")} actions={controls} />
      <Chip.Group multiple value={tiers} onChange={(values) => update((next) => { next.delete("tier"); for (const v of values) next.append("tier", v); })}>
        <Group gap="xs" mb="md" aria-label={t("reports.dashboard.tiers")}>
          {ACCOUNT_TIERS.map((tier) => <Chip key={tier} value={tier} size="xs" color={tierColor(tier)}>{t(`enums.tier.${tier}`)}</Chip>)}
        </Group>
      </Chip.Group>
      {!board ? (
        <Stack gap="md"><Skeleton height={90} radius="md" /><Skeleton height={300} radius="md" /><Skeleton height={300} radius="md" /></Stack>
      ) : board.accounts.length === 0 ? (
        <EmptyHint icon={<IconChartBar size={28} />} title={t("reports.dashboard.emptyTitle")} description={t("reports.dashboard.emptyText")} />
      ) : (
        <Stack gap="md" style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1 }} aria-busy={dashboard.isPlaceholderData}>
          <Tiles board={board} focus={focus} onFocus={(key) => update((next) => (focus === key ? next.delete("focus") : next.set("focus", key)))} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Paper withBorder radius="md" p="md" h="100%">
                <Title order={2} size="h5" mb="sm">{t("reports.dashboard.trend")}</Title>
                {board.trend.every((p) => p.responses === 0) ? <Text size="sm" c="dimmed">{t("reports.dashboard.noTrend")}</Text> : (
                  <LazyChart option={trendOption(board, { responses: t("reports.responses"), nps: t("reports.nps"), csat: t("reports.dashboard.csatSatisfied") })} height={300} label={t("reports.dashboard.trend")} />
                )}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Paper withBorder radius="md" p="md" h="100%">
                <Title order={2} size="h5" mb="sm">{t("reports.dashboard.byTier")}</Title>
                <SegmentTable rows={board.segments.filter((s) => s.dimension === "tier")} dimension="tier" onPick={(key) => update((next) => { next.delete("tier"); next.append("tier", key); })} />
                <Title order={2} size="h5" my="sm">{t("reports.dashboard.feedbackLoop")}</Title>
                <Group gap="xs" wrap="wrap">
                  {board.feedbackByStatus.length === 0 ? <Text size="sm" c="dimmed">{t("reports.dashboard.noFeedback")}</Text>
                    : board.feedbackByStatus.map((s) => <Badge key={s.status} variant="light">{t(`reports.feedbackStatus.${s.status}`, { defaultValue: s.status })}: {s.count}</Badge>)}
                </Group>
              </Paper>
            </Grid.Col>
          </Grid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h5" mb="sm">{t("reports.dashboard.byIndustry")}</Title>
            <SegmentTable rows={board.segments.filter((s) => s.dimension === "industry").sort((a, b) => b.accounts - a.accounts).slice(0, 12)} dimension="industry"
              onPick={(key) => update((next) => next.set("industry", key))} />
          </Paper>
          <Paper withBorder radius="md" p="md" data-testid="dashboard-accounts">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h5">{t("reports.dashboard.accountsTitle", { count: rows.length })}</Title>
              <Group gap="xs">
                {focus && <Button size="xs" variant="light" rightSection={<IconX size={14} />} onClick={() => update((next) => next.delete("focus"))}>{t("reports.dashboard.focusOn", { measure: t(`reports.focus.${focus}`) })}</Button>}
                {industry !== null && <Button size="xs" variant="light" rightSection={<IconX size={14} />} onClick={() => update((next) => next.delete("industry"))}>{industry || t("reports.dashboard.noIndustry")}</Button>}
                <TextInput size="xs" placeholder={t("reports.dashboard.search")} aria-label={t("reports.dashboard.search")} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
              </Group>
            </Group>
            {rows.length === 0 ? <Text size="sm" c="dimmed">{t("reports.dashboard.noMatch")}</Text> : (
              <Table.ScrollContainer minWidth={980}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("reports.dashboard.account")}</Table.Th><Table.Th>{t("reports.dashboard.owner")}</Table.Th><Table.Th>{t("reports.revenue")}</Table.Th>
                      <Table.Th>{t("reports.growth")}</Table.Th><Table.Th>{t("reports.nps")}</Table.Th><Table.Th>{t("reports.csat")}</Table.Th><Table.Th>{t("reports.sla")}</Table.Th>
                      <Table.Th>{t("reports.cadence")}</Table.Th><Table.Th>{t("reports.plan")}</Table.Th><Table.Th>{t("reports.feedback")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {pageRows.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/accounts/${a.id}/qbr?quarter=${board.quarter.key}`} size="sm" fw={500}>{a.name}</Anchor>
                          <Badge ml={6} size="xs" color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge>
                        </Table.Td>
                        <Table.Td><Text size="sm">{a.ownerName ?? "—"}</Text></Table.Td>
                        <Table.Td><Text size="sm">{formatMoney(a.revenue, board.currency, { compact: true })}</Text></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{formatPercent(a.revenueGrowthPct)}</Text><LightBadge light={a.lights.growth} label={t("reports.growth")} /></Group></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{a.nps ?? "—"}</Text><LightBadge light={a.lights.nps} label={t("reports.nps")} /></Group></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{share(a.csat)}</Text><LightBadge light={a.lights.csat} label={t("reports.csat")} /></Group></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{share(a.slaAttainment)}</Text><LightBadge light={a.lights.sla} label={t("reports.sla")} /></Group></Table.Td>
                        <Table.Td><LightBadge light={a.lights.cadence} label={t("reports.cadence")} /></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{share(a.planCompletion)}</Text><LightBadge light={a.lights.plan} label={t("reports.plan")} /></Group></Table.Td>
                        <Table.Td><Group gap={4} wrap="nowrap"><Text size="sm">{a.openFeedback}</Text><LightBadge light={a.lights.feedback} label={t("reports.feedback")} /></Group></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {rows.length > PAGE_SIZE && <Group justify="center" mt="sm"><Pagination total={Math.ceil(rows.length / PAGE_SIZE)} value={page} onChange={setPage} aria-label={t("reports.dashboard.pages")} /></Group>}
          </Paper>
        </Stack>
      )}
    </>
  );
}
