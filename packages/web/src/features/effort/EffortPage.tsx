import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Progress, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TEffortAccount, TEffortAllocation } from "@openkam/contracts";
import { IconAdjustments, IconHourglass } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { tierColor } from "../../lib/colors";
import { formatMoney } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { Duration } from "./Duration";
import { useAllocation, useEffortRefresh, useEffortSettings } from "./effort.api";
import { effortScatterOption } from "./effort-chart";
import { EffortChart } from "./EffortChart";
import { EffortSettingsModal } from "./EffortSettingsModal";

const PERIODS = [30, 90, 180, 365] as const;
const pct = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString()}%`;

function SplitCard({ a }: { a: TEffortAllocation }) {
  const { t } = useTranslation();
  const s = a.split;
  const dev = s.deviationPts;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb={4}>{t("effort.splitTitle")}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t("effort.splitTarget", { key: s.targetKeyPct, growth: s.targetGrowthPct })}</Text>
      {s.keyPct === null ? <Text size="sm" c="dimmed">{t("effort.splitEmpty")}</Text> : (
        <>
          <Progress.Root size={28} radius="md">
            <Progress.Section value={s.keyPct} color="indigo" aria-label={t("effort.keyShare", { pct: s.keyPct })}><Progress.Label>{t("effort.keyShare", { pct: s.keyPct })}</Progress.Label></Progress.Section>
            <Progress.Section value={s.growthPct ?? 0} color="teal.9" aria-label={t("effort.growthShare", { pct: s.growthPct })}><Progress.Label>{t("effort.growthShare", { pct: s.growthPct })}</Progress.Label></Progress.Section>
          </Progress.Root>
          <Group gap="xs" mt="sm">
            <Badge color={dev !== null && Math.abs(dev) <= 5 ? "teal" : "orange"} variant="light">
              {dev === null ? "—" : dev === 0 ? t("effort.onTarget") : t(dev > 0 ? "effort.aboveTarget" : "effort.belowTarget", { pts: Math.abs(dev) })}
            </Badge>
            <Text size="xs" c="dimmed"><Duration minutes={s.keyMinutes} /> · <Duration minutes={s.growthMinutes} />{s.otherMinutes > 0 && <> · {t("effort.otherTiers")}: <Duration minutes={s.otherMinutes} /></>}</Text>
          </Group>
        </>
      )}
    </Paper>
  );
}

function ServedTable({ title, hint, accounts, currency, testId }: { title: string; hint: string; accounts: TEffortAccount[]; currency: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Title order={2} size="h5">{title}</Title>
      <Text size="xs" c="dimmed" mb="sm">{hint}</Text>
      {accounts.length === 0 ? <Text size="sm" c="dimmed">{t("effort.noneOutside")}</Text> : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("effort.account")}</Table.Th>
                <Table.Th ta="right">{t("effort.effortShare")}</Table.Th>
                <Table.Th ta="right">{t("effort.valueShare")}</Table.Th>
                <Table.Th ta="right">{t("effort.revenue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.slice(0, 15).map((x) => (
                <Table.Tr key={x.accountId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/accounts/${x.accountId}?tab=effort`} size="sm">{x.name}</Anchor>
                      <Badge size="xs" color={tierColor(x.tier)}>{t(`enums.tier.${x.tier}`)}</Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{pct(x.effortShare)}</Table.Td>
                  <Table.Td ta="right">{pct(x.valueShare)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(x.revenue, currency, { compact: true })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Where the programme's time goes, set against what the accounts are worth (directors and admins). */
export function EffortPage() {
  const { t } = useTranslation();
  usePageTitle(t("effort.title"));
  const { me } = useSession();
  const [days, setDays] = useState(90);
  const [basis, setBasis] = useState<"revenue" | "clv">("revenue");
  const canManage = me.role === "admin" || me.role === "director";
  const allocation = useAllocation(days, basis);
  const settings = useEffortSettings();
  const refresh = useEffortRefresh();
  const [editing, { open, close }] = useDisclosure(false);
  const a = allocation.data;
  const option = useMemo(() => a ? effortScatterOption(a.accounts, a.settings, {
    effort: t("effort.effortShare"), value: t(basis === "clv" ? "effort.clvShare" : "effort.valueShare"),
    service: { over: t("effort.service.over"), under: t("effort.service.under"), balanced: t("effort.service.balanced"), idle: t("effort.service.idle") },
  }) : null, [a, basis, t]);

  const header = (
    <PageHeader
      title={t("effort.title")} description={t("effort.subtitle")}
      actions={canManage ? <Button variant="default" leftSection={<IconAdjustments size={16} />} onClick={open}>{t("effort.settings")}</Button> : undefined}
    />
  );
  if (!canManage) return <>{header}<Paper withBorder radius="md"><EmptyHint icon={<IconHourglass />} title={t("effort.directorsOnly")} description={t("effort.directorsOnlyText")} /></Paper></>;
  if (allocation.isError) return <>{header}<ErrorState error={allocation.error} onRetry={() => void allocation.refetch()} /></>;

  return (
    <>
      {header}
      <Group mb="md" gap="md">
        <SegmentedControl aria-label={t("effort.period")} value={String(days)} onChange={(v) => setDays(Number(v))} data={PERIODS.map((d) => ({ value: String(d), label: t("effort.lastDays", { count: d }) }))} />
        <SegmentedControl aria-label={t("effort.basis")} value={basis} onChange={(v) => setBasis(v as "revenue" | "clv")} data={[{ value: "revenue", label: t("effort.basisRevenue") }, { value: "clv", label: t("effort.basisClv") }]} />
      </Group>
      {!a ? <Stack><Skeleton height={140} /><Skeleton height={320} /></Stack> : a.totals.minutes === 0 ? (
        <Paper withBorder radius="md">
          <EmptyHint icon={<IconHourglass />} title={t("effort.emptyTitle")} description={t("effort.emptyText")}>
            <Button component={Link} to="/accounts" variant="light">{t("effort.goToAccounts")}</Button>
          </EmptyHint>
        </Paper>
      ) : (
        <Stack gap="md">
          {basis === "clv" && a.clvRunId === null && <Alert color="yellow" variant="light">{t("effort.noClvRun")}</Alert>}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder p="md" radius="md" h="100%">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("effort.total")}</Text>
                <Text fw={650} size="xl"><Duration minutes={a.totals.minutes} /></Text>
                <Text size="xs" c="dimmed">{t("effort.estimatedPart", { pct: pct(a.totals.estimatedMinutes / a.totals.minutes) })}</Text>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}><SplitCard a={a} /></Grid.Col>
          </Grid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb={4}>{t("effort.scatterTitle")}</Title>
            <Text size="xs" c="dimmed" mb="sm">{t("effort.scatterHint", { over: a.settings.overRatio, under: a.settings.underRatio })}</Text>
            {option && <EffortChart option={option} height={340} label={t("effort.scatterTitle")} />}
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ServedTable testId="over-served" title={t("effort.overServed")} hint={t("effort.overServedHint", { ratio: a.settings.overRatio })} accounts={a.overServed} currency={a.currency} />
            <ServedTable testId="under-served" title={t("effort.underServed")} hint={t("effort.underServedHint", { ratio: a.settings.underRatio })} accounts={a.underServed} currency={a.currency} />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb={4}>{t("effort.quadrantsTitle")}</Title>
            <Text size="xs" c="dimmed" mb="sm">{a.matrixRunId ? t("effort.quadrantsHint") : t("effort.noMatrixRun")}</Text>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing={6} aria-label={t("effort.quadrantsTitle")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("effort.quadrant")}</Table.Th>
                    <Table.Th ta="right">{t("effort.accounts")}</Table.Th>
                    <Table.Th ta="right">{t("effort.time")}</Table.Th>
                    <Table.Th ta="right">{t("effort.effortShare")}</Table.Th>
                    <Table.Th ta="right">{t("effort.valueShare")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.quadrants.filter((q) => q.accounts > 0).map((q) => (
                    <Table.Tr key={q.quadrant}>
                      <Table.Td>{t(`effort.quadrants.${q.quadrant}`)}</Table.Td>
                      <Table.Td ta="right">{q.accounts}</Table.Td>
                      <Table.Td ta="right"><Duration minutes={q.minutes} /></Table.Td>
                      <Table.Td ta="right">{pct(q.effortShare)}</Table.Td>
                      <Table.Td ta="right">{pct(q.valueShare)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
      <EffortSettingsModal settings={settings.data} opened={editing} onClose={close} onSaved={refresh} />
    </>
  );
}
