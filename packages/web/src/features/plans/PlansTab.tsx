import { Anchor, Badge, Button, Group, Paper, Progress, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconTargetArrow } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate } from "../../lib/format";
import { CreatePlanModal } from "./CreatePlanModal";
import { useAccountPlans } from "./plans.api";
import { STATUS_COLOR } from "./plan-format";

/** The account 360 page's "plans" tab: the account's plans and a way to start one from a template. */
export function PlansTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const plans = useAccountPlans(accountId);
  const [creating, { open, close }] = useDisclosure(false);
  const items = plans.data?.items ?? [];
  return (
    <>
      {canWrite && items.length > 0 && (
        <Group justify="flex-end" mb="sm"><Button leftSection={<IconPlus size={16} />} onClick={open}>{t("plans.new")}</Button></Group>
      )}
      <Paper withBorder radius="md" p="md">
        {plans.isPending ? <TableSkeleton rows={3} /> : plans.isError ? <ErrorState error={plans.error} onRetry={() => void plans.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconTargetArrow />} title={t("plans.empty")} description={t("plans.emptyHint")}>
            {canWrite && <Button onClick={open}>{t("plans.new")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("plans.fields.title")}</Table.Th>
                  <Table.Th>{t("plans.fields.period")}</Table.Th>
                  <Table.Th>{t("plans.fields.status")}</Table.Th>
                  <Table.Th w={180}>{t("plans.fields.progress")}</Table.Th>
                  <Table.Th>{t("plans.fields.version")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td><Anchor component={Link} to={`/accounts/${accountId}/plans/${p.id}`} fw={600}>{p.title}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{formatDate(p.periodStart)} – {formatDate(p.periodEnd)}</Text></Table.Td>
                    <Table.Td><Badge color={STATUS_COLOR[p.status]} variant="light">{t(`plans.status.${p.status}`)}</Badge></Table.Td>
                    <Table.Td>
                      {p.progress === null ? <Text size="sm" c="dimmed">—</Text> : (
                        <Group gap="xs" wrap="nowrap"><Progress value={p.progress} w={110} aria-label={t("plans.fields.progress")} /><Text size="sm">{p.progress}%</Text></Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">v{p.version}{p.approvedVersion !== null && <Text span c="teal.8" size="sm"> · {t("plans.approvedVersion", { n: p.approvedVersion })}</Text>}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CreatePlanModal accountId={accountId} opened={creating} onClose={close} />
    </>
  );
}
