import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { TAccountAnalytics } from "@openkam/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { formatDate } from "../../lib/format";
import { formatAmount, formatNumber, formatShare } from "./identify-format";
import { useSession } from "../auth/session-context";
import { useAccountAnalytics } from "./identify.api";
import { groupColor } from "./labels";

function Source({ runId, asOf }: { runId: string; asOf: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/identify/runs/${runId}`} size="xs" c="dimmed" underline="always">
      {t("identify.card.source", { date: formatDate(asOf) })}
    </Anchor>
  );
}

function Block({ title, children, source, empty }: { title: string; children?: ReactNode; source: { runId: string; asOf: string } | null; empty: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{title}</Text>
      {source ? (
        <>
          {children}
          <Source runId={source.runId} asOf={source.asOf} />
        </>
      ) : <Text size="sm" c="dimmed">{empty}</Text>}
    </Stack>
  );
}

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="sm" fw={600} data-testid={testId}>{value}</Text>
    </Group>
  );
}

/** The account in the identification analyses: CLV, RFM, matrix quadrant and ABC class, each from its latest run. */
export function AccountAnalyticsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  // Analyses run in the organization's currency.
  const currency = useSession().me.organization.defaultCurrency;
  const query = useAccountAnalytics(accountId);
  const a: TAccountAnalytics | undefined = query.data;
  const money = (value: number) => formatAmount(value, currency);
  const empty = t("identify.card.notAnalysed");
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">{t("identify.card.title")}</Title>
        <Anchor component={Link} to="/identify" size="xs">{t("identify.card.openIdentify")}</Anchor>
      </Group>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : !a ? <Skeleton height={140} /> : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Block title={t("identify.kinds.clv")} source={a.clv} empty={empty}>
            {a.clv && (
              <Stack gap={2}>
                <Line label={t("identify.clv.clv")} value={money(a.clv.clv)} testId="account-clv" />
                <Line label={t("identify.clv.pAlive")} value={formatShare(a.clv.pAlive)} />
                <Line label={t("identify.clv.expectedPurchases")} value={formatNumber(a.clv.expectedPurchases, 2)} />
                <Line label={t("identify.clv.averageSpend")} value={money(a.clv.expectedAverageSpend)} />
              </Stack>
            )}
          </Block>
          <Block title={t("identify.kinds.rfm")} source={a.rfm} empty={empty}>
            {a.rfm && (
              <Group gap="xs">
                <Badge color={groupColor(a.rfm.segment)} variant="light" tt="none">{t(`identify.segments.${a.rfm.segment}`)}</Badge>
                <Text size="sm" aria-label={t("identify.card.rfmScores", { r: a.rfm.r, f: a.rfm.f, m: a.rfm.m })}>R {a.rfm.r} · F {a.rfm.f} · M {a.rfm.m}</Text>
              </Group>
            )}
          </Block>
          <Block title={t("identify.kinds.matrix")} source={a.quadrant} empty={empty}>
            {a.quadrant && <Badge color={groupColor(a.quadrant.quadrant)} variant="light" tt="none" data-testid="account-quadrant">{t(`identify.quadrants.${a.quadrant.quadrant}`)}</Badge>}
          </Block>
          <Block title={t("identify.kinds.pareto")} source={a.abcClass} empty={empty}>
            {a.abcClass && <Badge color={groupColor(a.abcClass.abcClass)} variant="light" tt="none">{t(`identify.abc.${a.abcClass.abcClass}`)}</Badge>}
          </Block>
        </SimpleGrid>
      )}
    </Paper>
  );
}
