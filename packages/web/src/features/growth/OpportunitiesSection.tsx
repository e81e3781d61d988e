import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import type { TOpportunity } from "@openkam/contracts";
import { IconPencil, IconPlus, IconTargetArrow, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate, formatMoney } from "../../lib/format";
import { deleteOpportunity, growthKeys, useAccountOpportunities } from "./growth.api";
import { STAGE_COLORS } from "./growth-format";
import { OpportunityModal } from "./OpportunityModal";
import { StageFunnel } from "./StageFunnel";

export function OpportunitiesSection({ accountId, currency, canWrite }: { accountId: string; currency: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useAccountOpportunities(accountId);
  const [editing, setEditing] = useState<null | "new" | TOpportunity>(null);
  const items = list.data?.items ?? [];

  /** The whitespace map shows open opportunities as "in pipeline". */
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.all });

  async function remove(o: TOpportunity) {
    const ok = await confirmAction({ title: t("growth.opportunities.deleteTitle"), message: t("growth.opportunities.deleteConfirm", { name: o.name }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await deleteOpportunity(o);
      await refresh();
      notifySaved(t("growth.opportunities.deleted", { name: o.name }));
    } catch (error) {
      notifyFailed(error);
      await refresh();
    }
  }

  if (list.isPending) return <TableSkeleton rows={4} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Stack gap="md">
      <StageFunnel list={list.data} />
      <Paper withBorder radius="md">
        {canWrite && items.length > 0 && (
          <Group justify="flex-end" p="sm" pb={0}>
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing("new")}>{t("growth.opportunities.new")}</Button>
          </Group>
        )}
        {items.length === 0 ? (
          <EmptyHint icon={<IconTargetArrow />} title={t("growth.opportunities.empty")} description={t("growth.opportunities.emptyHint")}>
            {canWrite && <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing("new")}>{t("growth.opportunities.new")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("growth.opportunities.fields.name")}</Table.Th>
                  <Table.Th>{t("growth.opportunities.fields.stage")}</Table.Th>
                  <Table.Th ta="right">{t("growth.opportunities.fields.value")}</Table.Th>
                  <Table.Th ta="right">{t("growth.opportunities.fields.probability")}</Table.Th>
                  <Table.Th ta="right">{t("growth.opportunities.fields.weighted")}</Table.Th>
                  <Table.Th>{t("growth.opportunities.fields.expectedCloseDate")}</Table.Th>
                  <Table.Th>{t("growth.fields.owner")}</Table.Th>
                  {canWrite && <Table.Th w={80}><VisuallyHidden>{t("growth.actions")}</VisuallyHidden></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td><Text size="sm" fw={500}>{o.name}</Text>{o.productName && <Text size="xs" c="dimmed">{o.productName}</Text>}</Table.Td>
                    <Table.Td><Badge color={STAGE_COLORS[o.stage]} variant="light">{t(`growth.stages.${o.stage}`)}</Badge></Table.Td>
                    <Table.Td ta="right">{formatMoney(o.value, o.currency)}</Table.Td>
                    <Table.Td ta="right">{o.probability}%</Table.Td>
                    <Table.Td ta="right">{formatMoney(o.weightedValue, o.currency)}</Table.Td>
                    <Table.Td>{formatDate(o.expectedCloseDate)}</Table.Td>
                    <Table.Td>{o.ownerName ?? "—"}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" aria-label={t("growth.opportunities.editNamed", { name: o.name })} onClick={() => setEditing(o)}><IconPencil size={16} /></ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={t("growth.opportunities.deleteNamed", { name: o.name })} onClick={() => void remove(o)}><IconTrash size={16} /></ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing !== null && (
        <OpportunityModal
          key={editing === "new" ? "new" : `${editing.id}:${editing.version}`}
          accountId={accountId} currency={currency} opportunity={editing === "new" ? null : editing}
          onClose={() => setEditing(null)} onSaved={refresh}
        />
      )}
    </Stack>
  );
}
