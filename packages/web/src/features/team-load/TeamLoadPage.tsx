import { ActionIcon, Alert, Anchor, Badge, Group, Paper, Progress, Switch, Table, Text } from "@mantine/core";
import type { TTeamLoadUser } from "@openkam/contracts";
import { IconChevronDown, IconChevronRight, IconUsersGroup } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { ApiError } from "../../lib/api/api-error";
import { tierColor } from "../../lib/colors";
import { useTeamLoad } from "./team-load.api";

function AllocationBar({ pct }: { pct: number }) {
  const over = pct > 100;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={Math.min(100, pct)} color={over ? "red" : pct >= 80 ? "orange" : "teal"} w={90} aria-hidden />
      <Text size="sm" fw={over ? 700 : 400} c={over ? "red.8" : undefined}>{pct}%</Text>
    </Group>
  );
}

function Accounts({ user }: { user: TTeamLoadUser }) {
  const { t } = useTranslation();
  if (user.accounts.length === 0) return <Text size="sm" c="dimmed" p="xs">{t("teamLoad.noAccounts")}</Text>;
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label={t("teamLoad.accountsOf", { name: user.name })}>
      <Table.Tbody>
        {user.accounts.map((a) => (
          <Table.Tr key={a.accountId}>
            <Table.Td><Anchor component={Link} to={`/accounts/${a.accountId}?tab=team`} size="sm">{a.name}</Anchor></Table.Td>
            <Table.Td><Badge size="sm" color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge></Table.Td>
            <Table.Td><Text size="sm">{t(`enums.teamRole.${a.teamRole}`)}</Text></Table.Td>
            <Table.Td><Text size="sm">{a.allocationPct}%</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who carries how much: each member's accounts and summed allocation, over-allocation flagged. */
export function TeamLoadPage() {
  const { t } = useTranslation();
  const load = useTeamLoad();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [overOnly, setOverOnly] = useState(false);
  const toggle = (id: string) => setOpen((current) => {
    const next = new Set(current);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const header = <PageHeader title={t("teamLoad.title")} description={t("teamLoad.subtitle")} />;
  if (load.isError) {
    if (load.error instanceof ApiError && load.error.status === 403) {
      return <>{header}<Alert color="gray" title={t("teamLoad.forbiddenTitle")}>{t("teamLoad.forbiddenText")}</Alert></>;
    }
    return <>{header}<ErrorState error={load.error} onRetry={() => void load.refetch()} /></>;
  }
  const items = (load.data?.items ?? []).filter((u) => !overOnly || u.overAllocated);
  return (
    <>
      {header}
      {load.data && load.data.overAllocatedCount > 0 && (
        <Alert color="red" variant="light" mb="md" title={t("teamLoad.overTitle", { count: load.data.overAllocatedCount })}>{t("teamLoad.overText")}</Alert>
      )}
      <Group justify="flex-end" mb="sm">
        <Switch label={t("teamLoad.overOnly")} checked={overOnly} onChange={(e) => setOverOnly(e.currentTarget.checked)} />
      </Group>
      <Paper withBorder radius="md">
        {load.isPending ? <TableSkeleton rows={6} /> : items.length === 0 ? (
          <EmptyHint icon={<IconUsersGroup />} title={t("teamLoad.emptyTitle")} description={t("teamLoad.emptyText")} />
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" aria-label={t("teamLoad.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>{t("teamLoad.member")}</Table.Th>
                  <Table.Th>{t("teamLoad.accounts")}</Table.Th>
                  <Table.Th>{t("teamLoad.allocation")}</Table.Th>
                  <Table.Th>{t("teamLoad.byRole")}</Table.Th>
                  <Table.Th>{t("teamLoad.keyAccounts")}</Table.Th>
                  <Table.Th>{t("teamLoad.openTasks")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((u) => (
                  <Fragment key={u.userId}>
                    <Table.Tr bg={u.overAllocated ? "var(--mantine-color-red-light)" : undefined} data-testid={`team-load-${u.userId}`}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle" onClick={() => toggle(u.userId)} aria-expanded={open.has(u.userId)}
                          aria-label={t(open.has(u.userId) ? "teamLoad.collapse" : "teamLoad.expand", { name: u.name })}
                        >
                          {open.has(u.userId) ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>{u.name}</Text>
                        <Text size="xs" c="dimmed">{t(`enums.role.${u.role}`)} · {u.email}</Text>
                      </Table.Td>
                      <Table.Td>{u.accountCount}</Table.Td>
                      <Table.Td>
                        <AllocationBar pct={u.allocationPct} />
                        {u.overAllocated && <Badge size="xs" color="red" mt={2}>{t("teamLoad.overAllocated")}</Badge>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {u.byTeamRole.map((r) => <Badge key={r.teamRole} size="sm" variant="light">{t(`enums.teamRole.${r.teamRole}`)} · {r.accounts} · {r.allocationPct}%</Badge>)}
                          {u.byTeamRole.length === 0 && <Text size="sm" c="dimmed">—</Text>}
                        </Group>
                      </Table.Td>
                      <Table.Td>{u.keyAccountCount}</Table.Td>
                      <Table.Td>{u.openTasks}</Table.Td>
                    </Table.Tr>
                    {open.has(u.userId) && (
                      <Table.Tr>
                        <Table.Td />
                        <Table.Td colSpan={6}><Accounts user={u} /></Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
