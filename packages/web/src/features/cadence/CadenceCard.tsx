import { Anchor, Badge, Button, Group, Paper, Skeleton, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TAccountCadence } from "@openkam/contracts";
import { IconPencil } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useAccountCadence } from "./cadence.api";
import { CADENCE_KINDS, dueMessage, intervalMessage } from "./cadence-format";
import { CadenceOverridesModal } from "./CadenceOverridesModal";
import { say, StatusBadge } from "./parts";

function CadenceTable({ cadence }: { cadence: TAccountCadence }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("cadence.card.kind")}</Table.Th>
            <Table.Th>{t("cadence.card.interval")}</Table.Th>
            <Table.Th>{t("cadence.card.lastContact")}</Table.Th>
            <Table.Th>{t("cadence.card.nextDue")}</Table.Th>
            <Table.Th>{t("cadence.card.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CADENCE_KINDS.map((kind) => {
            const due = cadence.items.find((item) => item.kind === kind);
            const own = cadence.overrides[kind] !== undefined;
            return (
              <Table.Tr key={kind}>
                <Table.Th scope="row" fw={500}>{t(`cadence.kind.${kind}`)}</Table.Th>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c={cadence.policy[kind] === null ? "dimmed" : undefined}>{say(t, intervalMessage(cadence.policy[kind]))}</Text>
                    {own && <Badge size="xs" variant="outline" color="gray" tt="none">{t("cadence.card.ownSetting")}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{due ? (due.lastAt ? formatDate(due.lastAt) : <Text span size="sm" c="dimmed">{t("cadence.card.never")}</Text>) : "—"}</Table.Td>
                <Table.Td>
                  {due ? (
                    <>
                      <Text size="sm">{formatDate(due.dueOn)}</Text>
                      <Text size="xs" c={due.daysOverdue > 0 ? "red.8" : "dimmed"}>{say(t, dueMessage(due))}</Text>
                    </>
                  ) : "—"}
                </Table.Td>
                <Table.Td>{due ? <StatusBadge due={due} /> : <Text size="sm" c="dimmed">{t("cadence.card.notPlanned")}</Text>}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How often the account is to be visited, met by executives and reviewed, and where each of those stands today. */
export function CadenceCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const query = useAccountCadence(accountId);
  const [editing, { open, close }] = useDisclosure(false);
  const cadence = query.data;
  // The API refuses viewers' changes; the others may set the cadence of any account they see.
  const canEdit = me.role !== "viewer";

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5">{t("cadence.card.title")}</Title>
        <Group gap="sm" wrap="nowrap">
          <Anchor component={Link} to="/cadence" size="xs">{t("cadence.card.openAgenda")}</Anchor>
          {canEdit && cadence && (
            <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={open} aria-label={t("cadence.card.edit")}>
              {t("common.edit")}
            </Button>
          )}
        </Group>
      </Group>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : !cadence ? <Skeleton height={150} data-testid="cadence-loading" /> : (
        <>
          <CadenceTable cadence={cadence} />
          <Text size="xs" c="dimmed" mt="xs">{t("cadence.card.tierHint", { tier: t(`enums.tier.${cadence.tier}`) })}</Text>
        </>
      )}
      {editing && cadence && <CadenceOverridesModal key={cadence.version} cadence={cadence} onClose={close} />}
    </Paper>
  );
}
