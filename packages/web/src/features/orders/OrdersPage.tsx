import { Anchor, Badge, Button, Group, Paper, Select, Switch, Table, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TListOrdersQuery, TOrderListItem } from "@openkam/contracts";
import { ORDER_STATUSES } from "@openkam/domain/enums/index";
import { IconPlus, IconReceipt, IconRestore } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { KeysetPager, useKeysetPages } from "../../components/KeysetPager";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate } from "../../lib/format";
import { AccountPicker } from "../accounts/AccountPicker";
import { useSession } from "../auth/session-context";
import { useAccountById } from "./AccountName";
import { CreateOrderModal } from "./CreateOrderModal";
import { formatExactMoney } from "./exact-money";
import { restoreOrder, useOrdersPage, type OrdersListQuery } from "./orders.api";

type OrderSort = TListOrdersQuery["sort"];
/** The API's order sorts (contracts ORDER_SORTS; values only, so zod stays out of the bundle). */
const ORDER_SORTS: readonly OrderSort[] = ["-orderDate", "orderDate", "-amount", "amount", "-createdAt", "createdAt"];
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Every order the user can see: filter by account, dates and status; the URL holds the view, so it can be shared. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const accountId = params.get("account");
  const from = params.get("from");
  const to = params.get("to");
  const status = params.get("status");
  const deleted = params.get("deleted") === "1";
  const sortParam = params.get("sort") as OrderSort | null;
  const sort: OrderSort = sortParam && ORDER_SORTS.includes(sortParam) ? sortParam : "-orderDate";
  const account = useAccountById(accountId);

  const query = useMemo<OrdersListQuery>(() => ({
    sort,
    ...(accountId ? { accountId } : {}),
    ...(isDate(from) ? { from } : {}),
    ...(isDate(to) ? { to } : {}),
    ...(status && (ORDER_STATUSES as readonly string[]).includes(status) ? { status: status as TOrderListItem["status"] } : {}),
    ...(deleted ? { deleted: true } : {}),
  }), [sort, accountId, from, to, status, deleted]);
  const filtered = Boolean(accountId || from || to || status || deleted);

  const setParam = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const queryKey = JSON.stringify(query);
  const pages = useKeysetPages(queryKey);
  const page = useOrdersPage(query, pages.cursor);
  const [creating, { open, close }] = useDisclosure(false);
  const items = page.data?.items ?? [];
  const canWrite = me.role !== "viewer";

  async function restore(order: TOrderListItem) {
    try {
      await restoreOrder(order.id);
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      notifySaved(t("orderList.restored"));
    } catch (error) {
      notifyFailed(error);
    }
  }

  return (
    <>
      <PageHeader
        title={t("orderList.title")}
        description={t("orderList.subtitle")}
        actions={canWrite && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("orderList.new")}</Button>}
      />
      <Group gap="sm" mb="md" align="flex-end">
        <div style={{ width: 260 }}>
          <AccountPicker key={account.data?.id ?? "none"} label={t("orderList.fields.account")} value={accountId} onChange={(id) => setParam("account", id)} initialName={account.data?.name} />
        </div>
        <TextInput type="date" label={t("orderList.filters.from")} value={from ?? ""} onChange={(e) => setParam("from", e.currentTarget.value || null)} w={160} />
        <TextInput type="date" label={t("orderList.filters.to")} value={to ?? ""} onChange={(e) => setParam("to", e.currentTarget.value || null)} w={160} />
        <Select
          label={t("orderList.fields.status")}
          placeholder={t("orderList.filters.anyStatus")}
          data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`enums.orderStatus.${s}`) }))}
          value={status}
          onChange={(v) => setParam("status", v)}
          clearable
          w={170}
        />
        <Select
          label={t("orderList.sortLabel")}
          data={ORDER_SORTS.map((s) => ({ value: s, label: t(`orderList.sort.${s}`) }))}
          value={sort}
          onChange={(v) => setParam("sort", v === "-orderDate" ? null : v)}
          allowDeselect={false}
          w={200}
        />
        <Switch label={t("orderList.filters.deleted")} checked={deleted} onChange={(e) => setParam("deleted", e.currentTarget.checked ? "1" : null)} mb={8} />
      </Group>
      <Paper withBorder radius="md">
        {page.isPending ? <TableSkeleton /> : page.isError ? <ErrorState error={page.error} onRetry={() => void page.refetch()} /> : items.length === 0 ? (
          <EmptyHint
            icon={<IconReceipt />}
            title={deleted ? t("orderList.noDeletedTitle") : filtered ? t("orderList.noMatchTitle") : t("orderList.emptyTitle")}
            description={deleted ? t("orderList.noDeletedText") : filtered ? t("orderList.noMatchText") : t("orderList.emptyText")}
          >
            {filtered ? <Button variant="light" onClick={() => setParams({}, { replace: true })}>{t("orderList.filters.clear")}</Button> : canWrite && <Button onClick={open}>{t("orderList.new")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={760} style={{ opacity: page.isPlaceholderData ? 0.6 : 1 }}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("orderList.fields.orderDate")}</Table.Th>
                  <Table.Th>{t("orderList.fields.account")}</Table.Th>
                  <Table.Th ta="right">{t("orderList.fields.amount")}</Table.Th>
                  <Table.Th>{t("orderList.fields.lines")}</Table.Th>
                  <Table.Th>{t("orderList.fields.status")}</Table.Th>
                  <Table.Th>{t("orderList.fields.externalId")}</Table.Th>
                  {deleted && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      {deleted ? formatDate(o.orderDate) : <Anchor component={Link} to={`/orders/${o.id}`} fw={500} size="sm">{formatDate(o.orderDate)}</Anchor>}
                    </Table.Td>
                    <Table.Td><Anchor component={Link} to={`/accounts/${o.accountId}?tab=orders`} size="sm">{o.accountName}</Anchor></Table.Td>
                    <Table.Td ta="right" ff="monospace">{formatExactMoney(o.amount, o.currency)}</Table.Td>
                    <Table.Td>{o.lineCount}</Table.Td>
                    <Table.Td><Badge color={o.status === "confirmed" ? "green" : "gray"} variant="dot">{t(`enums.orderStatus.${o.status}`)}</Badge></Table.Td>
                    <Table.Td c="dimmed">{o.externalId ?? "—"}</Table.Td>
                    {deleted && (
                      <Table.Td>
                        {canWrite && <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => void restore(o)}>{t("orderList.restore")}</Button>}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <KeysetPager info={t("orderList.pageInfo", { page: pages.page, count: items.length })} pages={pages} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} />
      <CreateOrderModal opened={creating} onClose={close} accountId={accountId ?? undefined} accountName={account.data?.name} onCreated={(o) => void navigate(`/orders/${o.id}`)} />
    </>
  );
}
