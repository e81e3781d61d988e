import { Badge, Button, Center, Paper, Table } from "@mantine/core";
import { IconReceipt } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate, formatMoney } from "../../lib/format";
import { useAccountOrders } from "./account360.api";
import { ProductMixPanel } from "./ProductMixPanel";

export function OrdersTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const orders = useAccountOrders(accountId);
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ProductMixPanel accountId={accountId} />
      <Paper withBorder radius="md">
        {orders.isPending ? <TableSkeleton rows={6} /> : orders.isError ? <ErrorState error={orders.error} /> : items.length === 0 ? (
          <EmptyHint icon={<IconReceipt />} title={t("account360.noOrders")} description={t("account360.noOrdersHint")} />
        ) : (
          <>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("orders.date")}</Table.Th>
                  <Table.Th ta="right">{t("orders.amount")}</Table.Th>
                  <Table.Th>{t("orders.lines")}</Table.Th>
                  <Table.Th>{t("orders.status")}</Table.Th>
                  <Table.Th>{t("orders.externalId")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{formatDate(o.orderDate)}</Table.Td>
                    <Table.Td ta="right" ff="monospace">{formatMoney(o.amount, o.currency)}</Table.Td>
                    <Table.Td>{o.lineCount}</Table.Td>
                    <Table.Td><Badge color={o.status === "confirmed" ? "green" : "gray"} variant="dot">{t(`enums.orderStatus.${o.status}`)}</Badge></Table.Td>
                    <Table.Td c="dimmed">{o.externalId ?? "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {orders.hasNextPage && (
              <Center p="sm"><Button variant="subtle" loading={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
            )}
          </>
        )}
      </Paper>
    </>
  );
}
