import { Grid, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { TAccountSummary } from "@openkam/contracts";
import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../components/charts/LazyChart";
import { ErrorState } from "../../components/ErrorState";
import { formatMoney } from "../../lib/format";
import { CadenceCard } from "../cadence/CadenceCard";
import { AccountAnalyticsCard } from "../identify/AccountAnalyticsCard";
import { useUserNames } from "../users/users.api";
import { useAccountInteractions } from "./account360.api";
import { InteractionTimeline } from "./InteractionTimeline";
import { revenueChartOption } from "./revenue-chart";
import { TaskList } from "./TaskList";

export function OverviewTab({ accountId, summary }: { accountId: string; summary: UseQueryResult<TAccountSummary> }) {
  const { t } = useTranslation();
  const names = useUserNames();
  const interactions = useAccountInteractions(accountId, 5);
  const s = summary.data;
  const option = useMemo(
    () => (s ? revenueChartOption(s.revenueByMonth, t("account360.revenue"), (v) => formatMoney(String(v), s.currency, { compact: true })) : null),
    [s, t],
  );
  const recent = interactions.data?.pages[0]?.items ?? [];

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="sm">{t("account360.revenueByMonth")}</Title>
          {summary.isError ? <ErrorState error={summary.error} /> : option ? (
            <LazyChart option={option} label={t("account360.revenueByMonth")} />
          ) : <Skeleton height={280} />}
          {s && s.otherCurrencies.length > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t("account360.otherCurrencies")}: {s.otherCurrencies.map((c) => formatMoney(c.amount, c.currency)).join(", ")}
            </Text>
          )}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="sm">{t("account360.openTasks")}</Title>
            {s ? (s.openTasks.items.length ? <TaskList items={s.openTasks.items} names={names} /> : <Text size="sm" c="dimmed">{t("account360.noOpenTasks")}</Text>) : <Skeleton height={80} />}
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="sm">{t("account360.keyContacts")}</Title>
            {s ? (s.topContacts.length ? (
              <Stack gap={6}>
                {s.topContacts.map((c) => (
                  <Text key={c.id} size="sm"><b>{c.name}</b>{c.title ? ` · ${c.title}` : ""}{c.buyingRole ? ` · ${t(`enums.buyingRole.${c.buyingRole}`)}` : ""}</Text>
                ))}
              </Stack>
            ) : <Text size="sm" c="dimmed">{t("account360.noContacts")}</Text>) : <Skeleton height={80} />}
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <CadenceCard accountId={accountId} />
      </Grid.Col>
      <Grid.Col span={12}>
        <AccountAnalyticsCard accountId={accountId} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="sm">{t("account360.recentInteractions")}</Title>
          {interactions.isPending ? <Skeleton height={120} /> : recent.length ? <InteractionTimeline items={recent} /> : <Text size="sm" c="dimmed">{t("account360.noInteractions")}</Text>}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
