import { Group, Paper, SegmentedControl, Skeleton, Text, Title } from "@mantine/core";
import { IconChartDonut } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LazyChart } from "../../components/charts/LazyChart";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { formatDate } from "../../lib/format";
import { i18n } from "../../lib/i18n/i18n";
import { formatExactMoney } from "../orders/exact-money";
import { useProductMix } from "./account360.api";
import { productMixChartOption, productMixSlices } from "./product-mix-chart";

export const MIX_WINDOWS = [12, 24, 36] as const;

const formatShare = (share: number) => new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 }).format(share);

/** What the account buys: its top products by revenue over a window of months, as a donut. */
export function ProductMixPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const [months, setMonths] = useState<number>(MIX_WINDOWS[0]);
  const mix = useProductMix(accountId, months);
  const data = mix.data;
  const slices = useMemo(() => (data ? productMixSlices(data, t("account360.productMix.other")) : []), [data, t]);
  const option = useMemo(
    () => (data ? productMixChartOption(slices, t("account360.revenue"), { money: (amount) => formatExactMoney(amount, data.currency), percent: formatShare }) : null),
    [data, slices, t],
  );
  const title = t("account360.productMix.title");

  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h5">{title}</Title>
          {data && <Text size="xs" c="dimmed">{t("account360.productMix.range", { from: formatDate(data.from), to: formatDate(data.to), currency: data.currency })}</Text>}
        </div>
        <SegmentedControl
          size="xs"
          aria-label={t("account360.productMix.window")}
          value={String(months)}
          onChange={(v) => setMonths(Number(v))}
          data={MIX_WINDOWS.map((m) => ({ value: String(m), label: t("account360.productMix.months", { count: m }) }))}
        />
      </Group>
      {mix.isPending ? <Skeleton height={280} radius="md" data-testid="product-mix-loading" /> : mix.isError ? (
        <ErrorState error={mix.error} onRetry={() => void mix.refetch()} />
      ) : slices.length === 0 ? (
        <EmptyHint icon={<IconChartDonut />} title={t("account360.productMix.emptyTitle")} description={t("account360.productMix.emptyText", { count: months })} />
      ) : option && (
        <div style={{ opacity: mix.isPlaceholderData ? 0.6 : 1 }}>
          <LazyChart option={option} label={t("account360.productMix.chartLabel", { count: months, products: slices.map((s) => s.name).join(", ") })} />
        </div>
      )}
    </Paper>
  );
}
