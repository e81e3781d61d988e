import { ActionIcon, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import type { TInitiative } from "@openkam/contracts";
import { IconBulb, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate, formatMoney } from "../../lib/format";
import { deleteInitiative, growthKeys, useInitiatives } from "./growth.api";
import { barShare, formatRoi } from "./growth-format";
import { InitiativeModal } from "./InitiativeModal";

const STATUS_COLORS = { proposed: "gray", active: "blue", delivered: "teal", cancelled: "red" } as const;

function InitiativeCard({ initiative: i, canWrite, onEdit, onDelete }: { initiative: TInitiative; canWrite: boolean; onEdit(): void; onDelete(): void }) {
  const { t, i18n } = useTranslation();
  const max = Math.max(Number(i.valuePromised), Number(i.valueDelivered), Number(i.investment));
  const bars = [
    { key: "valuePromised", value: i.valuePromised, color: "blue.3" },
    { key: "valueDelivered", value: i.valueDelivered, color: "teal" },
    { key: "investment", value: i.investment, color: "orange" },
  ] as const;
  return (
    <Paper withBorder radius="md" p="md" data-testid="initiative">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={600}>{i.title}</Text>
          <Group gap={6} mt={4}>
            <Badge color={STATUS_COLORS[i.status]} variant="light">{t(`growth.initiatives.statuses.${i.status}`)}</Badge>
            <Badge color="grape" variant="outline">{t(`growth.initiatives.valueKinds.${i.valueKind}`)}</Badge>
          </Group>
        </div>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">{t("growth.initiatives.roi")}</Text>
          <Text fw={700} size="xl" c={i.roi === null ? "dimmed" : i.roi >= 0 ? "teal.9" : "red.9"} data-testid="roi">{formatRoi(i.roi, i18n.language)}</Text>
        </Stack>
      </Group>
      <Stack gap={6} mt="sm" aria-label={t("growth.initiatives.chart")}>
        {bars.map((b) => (
          <div key={b.key}>
            <Group justify="space-between" gap="xs"><Text size="xs">{t(`growth.initiatives.fields.${b.key}`)}</Text><Text size="xs" fw={600}>{formatMoney(b.value, i.currency)}</Text></Group>
            <Progress value={barShare(b.value, max)} color={b.color} size="lg" aria-label={t(`growth.initiatives.fields.${b.key}`)} />
          </div>
        ))}
      </Stack>
      <Group justify="space-between" mt="sm">
        <Text size="xs" c="dimmed">
          {[i.customerContactName && t("growth.initiatives.customerOwnerIs", { name: i.customerContactName }), i.ownerName && t("growth.initiatives.ourOwnerIs", { name: i.ownerName }),
            (i.startDate || i.targetDate) && `${formatDate(i.startDate)} → ${formatDate(i.targetDate)}`].filter(Boolean).join(" · ")}
        </Text>
        {canWrite && (
          <Group gap={4}>
            <ActionIcon variant="subtle" aria-label={t("growth.initiatives.editNamed", { title: i.title })} onClick={onEdit}><IconPencil size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t("growth.initiatives.deleteNamed", { title: i.title })} onClick={onDelete}><IconTrash size={16} /></ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

export function InitiativesSection({ accountId, currency, canWrite }: { accountId: string; currency: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useInitiatives(accountId);
  const [editing, setEditing] = useState<null | "new" | TInitiative>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.initiatives(accountId) });

  async function remove(i: TInitiative) {
    const ok = await confirmAction({ title: t("growth.initiatives.deleteTitle"), message: t("growth.initiatives.deleteConfirm", { title: i.title }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await deleteInitiative(i);
      notifySaved(t("growth.initiatives.deleted", { title: i.title }));
    } catch (error) {
      notifyFailed(error);
    }
    await refresh();
  }

  if (list.isPending) return <TableSkeleton rows={3} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  return (
    <Stack gap="sm">
      {canWrite && items.length > 0 && <Group justify="flex-end"><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")}>{t("growth.initiatives.new")}</Button></Group>}
      {items.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyHint icon={<IconBulb />} title={t("growth.initiatives.empty")} description={t("growth.initiatives.emptyHint")}>
            {canWrite && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>{t("growth.initiatives.new")}</Button>}
          </EmptyHint>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {items.map((i) => <InitiativeCard key={i.id} initiative={i} canWrite={canWrite} onEdit={() => setEditing(i)} onDelete={() => void remove(i)} />)}
        </SimpleGrid>
      )}
      {editing !== null && (
        <InitiativeModal key={editing === "new" ? "new" : `${editing.id}:${editing.version}`} accountId={accountId} currency={currency}
          initiative={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />
      )}
    </Stack>
  );
}
