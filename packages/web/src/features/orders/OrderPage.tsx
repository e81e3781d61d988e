import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { TOrder } from "@openkam/contracts";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { confirmAction } from "../../components/confirm";
import { ConflictDialog } from "../../components/ConflictDialog";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { usePageTitle } from "../../components/usePageTitle";
import { ApiError } from "../../lib/api/api-error";
import { describeConflict, type ConflictRow } from "../../lib/conflict";
import { formatDate, formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useAccountById } from "./AccountName";
import { formatExactMoney } from "./exact-money";
import { plainDecimal } from "./order-math";
import { orderDraft, orderRequest, type OrderDraft } from "./order-draft";
import { deleteOrder, restoreOrder, updateOrder, useOrder } from "./orders.api";
import { OrderForm } from "./OrderForm";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

/** The fields a conflict compares, with the lines summarised in one row. */
function conflictView(o: { orderDate: string; status?: string | undefined; currency?: string | undefined; notes?: string | null | undefined; externalId?: string | null | undefined; lines?: ReadonlyArray<{ productId: string; quantity: string; unitPrice: string }> | undefined; amount?: string | undefined }) {
  return {
    orderDate: o.orderDate,
    status: o.status ?? null,
    currency: o.currency ?? null,
    notes: o.notes ?? null,
    externalId: o.externalId ?? null,
    lines: (o.lines ?? []).map((l) => `${l.productId.slice(0, 8)} × ${plainDecimal(l.quantity)} @ ${plainDecimal(l.unitPrice)}`).join("; "),
  };
}

export function OrderPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const order = useOrder(id);
  const account = useAccountById(order.data?.accountId);
  const [editing, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<{ rows: ConflictRow[]; draft: OrderDraft; current: TOrder } | null>(null);
  usePageTitle(order.data ? t("orderList.detailTitle", { date: formatDate(order.data.orderDate) }) : undefined);

  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data) return <Stack><Skeleton height={36} width="30%" /><Skeleton height={120} /><Skeleton height={200} /></Stack>;
  const o = order.data;

  const put = (saved: TOrder) => {
    queryClient.setQueryData(["orders", "one", saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ["orders", "page"] });
    void queryClient.invalidateQueries({ queryKey: ["orders", "list"] });
    void queryClient.invalidateQueries({ queryKey: ["summary", saved.accountId] });
  };

  async function save(draft: OrderDraft, version: number) {
    setBusy(true);
    setErrors({});
    try {
      put(await updateOrder(o.id, version, orderRequest(draft)));
      setConflict(null);
      notifySaved();
      close();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) {
        const current = error.current as TOrder;
        const request = orderRequest(draft);
        setConflict({ rows: describeConflict(conflictView(o), conflictView(request), conflictView(current)), draft, current });
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const ok = await confirmAction({ title: t("orderList.deleteTitle"), message: t("orderList.deleteText"), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await deleteOrder(o.id);
      await queryClient.invalidateQueries({ queryKey: ["orders"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", o.accountId] });
      notifications.show({
        color: "teal",
        message: (
          <Group gap="xs">
            {t("orderList.deleted")}
            <Anchor size="sm" component="button" onClick={() => void restoreOrder(o.id).then(async () => {
              await queryClient.invalidateQueries({ queryKey: ["orders"] });
              await navigate(`/orders/${o.id}`);
            }, notifyFailed)}>{t("common.undo")}</Anchor>
          </Group>
        ),
        autoClose: 8000,
      });
      await navigate("/orders");
    } catch (error) {
      notifyFailed(error);
    }
  }

  const canWrite = me.role !== "viewer";
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/orders" size="sm">{t("orderList.title")}</Anchor>
        <Text size="sm">{t("orderList.detailTitle", { date: formatDate(o.orderDate) })}</Text>
      </Breadcrumbs>
      <Group justify="space-between" mb="md" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">{t("orderList.detailTitle", { date: formatDate(o.orderDate) })}</Title>
            <Badge color={o.status === "confirmed" ? "green" : "gray"} variant="dot">{t(`enums.orderStatus.${o.status}`)}</Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {account.data ? <Anchor component={Link} to={`/accounts/${o.accountId}?tab=orders`} size="sm">{account.data.name}</Anchor> : "…"}
            {o.externalId && <> · {o.externalId}</>}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>{t("common.delete")}</Button>
            <Button leftSection={<IconPencil size={16} />} onClick={open}>{t("common.edit")}</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg" radius="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
          <Field label={t("orderList.fields.amount")}><Text fw={700} size="lg" ff="monospace" data-testid="order-amount">{formatExactMoney(o.amount, o.currency)}</Text></Field>
          <Field label={t("orderList.fields.orderDate")}>{formatDate(o.orderDate)}</Field>
          <Field label={t("orderList.fields.currency")}>{o.currency}</Field>
          <Field label={t("orderList.updated")}>{formatDateTime(o.updatedAt)}</Field>
        </SimpleGrid>
        {o.notes && <><Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="lg">{t("orderList.fields.notes")}</Text><Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{o.notes}</Text></>}
      </Paper>
      <Paper withBorder radius="md">
        {o.lines.length === 0 ? (
          <Text p="lg" c="dimmed" size="sm">{t("orderList.noLines")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={50}>#</Table.Th>
                  <Table.Th>{t("orderList.lines.product")}</Table.Th>
                  <Table.Th ta="right">{t("orderList.lines.quantity")}</Table.Th>
                  <Table.Th ta="right">{t("orderList.lines.unitPrice")}</Table.Th>
                  <Table.Th ta="right">{t("orderList.lines.amount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.lines.map((l) => (
                  <Table.Tr key={l.lineNo}>
                    <Table.Td c="dimmed">{l.lineNo}</Table.Td>
                    <Table.Td><Text size="sm" fw={500}>{l.productName ?? "—"}</Text><Text size="xs" c="dimmed">{l.productSku}</Text></Table.Td>
                    <Table.Td ta="right" ff="monospace">{plainDecimal(l.quantity)}</Table.Td>
                    <Table.Td ta="right" ff="monospace">{formatExactMoney(plainDecimal(l.unitPrice), null)}</Table.Td>
                    <Table.Td ta="right" ff="monospace">{formatExactMoney(l.amount, o.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={4} ta="right">{t("orderList.lines.total")}</Table.Th>
                  <Table.Th ta="right" ff="monospace">{formatExactMoney(o.amount, o.currency)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Modal opened={editing && !conflict} onClose={close} title={t("orderList.editTitle")} size="xl">
        {editing && (
          <OrderForm key={o.version} initial={orderDraft(o)} accountName={account.data?.name} errors={errors} busy={busy} submitLabel={t("common.save")} onSubmit={(d) => void save(d, o.version)} onCancel={close} />
        )}
      </Modal>
      <ConflictDialog
        rows={conflict?.rows ?? null}
        busy={busy}
        fieldLabel={(f) => t(`orderList.fields.${f}`)}
        formatValue={(f, v) => (v === null || v === undefined || v === "" ? "—" : f === "status" ? t(`enums.orderStatus.${String(v)}`) : String(v))}
        onKeepMine={() => {
          if (conflict) void save(conflict.draft, conflict.current.version);
        }}
        onTakeTheirs={() => {
          if (conflict) put(conflict.current);
          setConflict(null);
          close();
        }}
      />
    </>
  );
}
