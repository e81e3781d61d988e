import { Avatar, Badge, Group, Paper, Progress, Table, Text } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { useTeam } from "./account360.api";
import { initials } from "../../lib/initials";

export function TeamTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const team = useTeam(accountId);
  const items = team.data?.items ?? [];
  return (
    <Paper withBorder radius="md">
      {team.isPending ? <TableSkeleton rows={3} /> : team.isError ? <ErrorState error={team.error} /> : items.length === 0 ? (
        <EmptyHint icon={<IconUsersGroup />} title={t("account360.noTeam")} description={t("account360.noTeamHint")} />
      ) : (
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("account360.member")}</Table.Th>
              <Table.Th>{t("account360.teamRole")}</Table.Th>
              <Table.Th w={220}>{t("account360.allocation")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar color="blue" variant="filled" radius="xl" size="sm">{initials(m.userName)}</Avatar>
                    <div><Text size="sm" fw={500}>{m.userName}</Text><Text size="xs" c="dimmed">{m.userEmail}</Text></div>
                  </Group>
                </Table.Td>
                <Table.Td><Badge color="blue">{t(`enums.teamRole.${m.teamRole}`)}</Badge></Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap"><Progress value={m.allocationPct} w={140} aria-label={t("account360.allocation")} /><Text size="sm">{m.allocationPct}%</Text></Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
