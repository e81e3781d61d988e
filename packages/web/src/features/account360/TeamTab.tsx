import { ActionIcon, Avatar, Badge, Button, Group, Paper, Progress, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TTeamMember } from "@openkam/contracts";
import { IconPencil, IconTrash, IconUserPlus, IconUsersGroup } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { ApiError } from "../../lib/api/api-error";
import { describeConflict } from "../../lib/conflict";
import { initials } from "../../lib/initials";
import { useSession } from "../auth/session-context";
import { removeTeamMember, useTeam } from "./account360.api";
import { canManageTeam, teamMemberFields } from "./team-member-form";
import { TeamMemberModal } from "./TeamMemberModal";

/** null: closed; "new": adding; a member: editing them. */
type Editing = null | "new" | TTeamMember;

export function TeamTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const team = useTeam(accountId);
  const [editing, setEditing] = useState<Editing>(null);
  const items = team.data?.items ?? [];
  const canManage = canManageTeam(me.role);

  /** The team shows in the summary (header avatars, figures) and decides who sees the account. */
  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ["team", accountId] });
    void queryClient.invalidateQueries({ queryKey: ["summary", accountId] });
  }

  function describeChange(member: TTeamMember, current: TTeamMember): string {
    return describeConflict(teamMemberFields(member), {}, teamMemberFields(current))
      .map((row) => row.field === "teamRole"
        ? `${t("account360.teamRole")}: ${t(`enums.teamRole.${String(row.base)}`)} → ${t(`enums.teamRole.${String(row.theirs)}`)}`
        : `${t("account360.allocation")}: ${String(row.base)}% → ${String(row.theirs)}%`)
      .join("; ");
  }

  async function remove(member: TTeamMember, confirmed = false): Promise<void> {
    const ok = confirmed || await confirmAction({
      title: t("account360.teamForm.removeTitle"),
      message: t("account360.teamForm.removeConfirm", { name: member.userName }),
      confirmLabel: t("account360.teamForm.remove"),
      danger: true,
    });
    if (!ok) return;
    try {
      await removeTeamMember(accountId, member);
      await refresh();
      notifySaved(t("account360.teamForm.removed", { name: member.userName }));
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict && error.current) {
        // Changed since it was read: say what changed, and remove only if the user still wants to.
        const current = error.current as TTeamMember;
        await refresh();
        const again = await confirmAction({
          title: t("conflict.title"),
          message: t("account360.teamForm.changedMeanwhile", { name: member.userName, changes: describeChange(member, current) }),
          confirmLabel: t("account360.teamForm.removeAnyway"),
          danger: true,
        });
        if (again) await remove(current, true);
      } else if (error instanceof ApiError && error.status === 404) {
        notifications.show({ color: "orange", message: t("account360.teamForm.goneMeanwhile", { name: member.userName }) });
        await refresh();
      } else {
        notifyFailed(error);
      }
    }
  }

  return (
    <Paper withBorder radius="md">
      {canManage && items.length > 0 && (
        <Group justify="flex-end" p="sm" pb={0}>
          <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setEditing("new")}>{t("account360.teamForm.addTitle")}</Button>
        </Group>
      )}
      {team.isPending ? <TableSkeleton rows={3} /> : team.isError ? <ErrorState error={team.error} onRetry={() => void team.refetch()} /> : items.length === 0 ? (
        <EmptyHint icon={<IconUsersGroup />} title={t("account360.noTeam")} description={canManage ? t("account360.noTeamManageHint") : t("account360.noTeamHint")}>
          {canManage && <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing("new")}>{t("account360.teamForm.addTitle")}</Button>}
        </EmptyHint>
      ) : (
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("account360.member")}</Table.Th>
              <Table.Th>{t("account360.teamRole")}</Table.Th>
              <Table.Th w={220}>{t("account360.allocation")}</Table.Th>
              {canManage && <Table.Th w={90}><VisuallyHidden>{t("account360.teamForm.actions")}</VisuallyHidden></Table.Th>}
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
                {canManage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon variant="subtle" aria-label={t("account360.teamForm.editMember", { name: m.userName })} onClick={() => setEditing(m)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t("account360.teamForm.removeMember", { name: m.userName })} onClick={() => void remove(m)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <TeamMemberModal
          key={editing === "new" ? "new" : `${editing.userId}:${editing.version}`}
          accountId={accountId}
          opened
          member={editing === "new" ? null : editing}
          team={items}
          onClose={() => setEditing(null)}
          onChanged={refresh}
        />
      )}
    </Paper>
  );
}
