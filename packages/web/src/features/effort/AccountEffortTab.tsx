import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import type { TEffortEntry } from "@openkam/contracts";
import { IconClockPlus, IconHourglass, IconPencil, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { deleteEffort, useAccountEffort, useEffortRefresh } from "./effort.api";
import { Duration } from "./Duration";
import { LogTimeModal, type LogTimeTarget } from "./LogTimeModal";

const PERIODS = [30, 90, 365] as const;

/** The account's effort: how much, from what, by whom, and the latest entries; the team logs time here. */
export function AccountEffortTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [days, setDays] = useState<number>(90);
  const effort = useAccountEffort(accountId, days);
  const refresh = useEffortRefresh();
  const [target, setTarget] = useState<LogTimeTarget | null>(null);
  const seesAll = me.role === "admin" || me.role === "director";
  const mayChange = (entry: TEffortEntry) => canWrite && (seesAll || entry.userId === me.user.id);

  const remove = (entry: TEffortEntry) => void confirmAction({ title: t("effort.deleteEntry"), message: t("effort.deleteEntryText"), confirmLabel: t("common.delete"), danger: true })
    .then(async (ok) => {
      if (!ok) return;
      try {
        await deleteEffort(entry);
        await refresh();
        notifySaved(t("effort.deleted"));
      } catch (error) {
        notifyFailed(error);
      }
    });

  if (effort.isError) return <ErrorState error={effort.error} onRetry={() => void effort.refetch()} />;
  const e = effort.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t("effort.period")} value={String(days)} onChange={(v) => setDays(Number(v))}
          data={PERIODS.map((d) => ({ value: String(d), label: t("effort.lastDays", { count: d }) }))}
        />
        {canWrite && <Button leftSection={<IconClockPlus size={16} />} onClick={() => setTarget({ accountId })}>{t("effort.logTime")}</Button>}
      </Group>
      {!e ? <Skeleton height={220} radius="md" /> : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("effort.total")}</Text>
              <Text fw={650} size="lg"><Duration minutes={e.totalMinutes} /></Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("effort.logged")}</Text>
              <Text fw={650} size="lg"><Duration minutes={e.loggedMinutes} /></Text>
            </Paper>
            <Paper withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{t("effort.estimated")}</Text>
              <Text fw={650} size="lg"><Duration minutes={e.estimatedMinutes} /></Text>
              <Text size="xs" c="dimmed">{t("effort.estimatedHint")}</Text>
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5" mb="sm">{t("effort.bySource")}</Title>
              <Stack gap={4}>
                {(["interaction", "case", "task", "manual", "estimated"] as const).map((s) => (
                  <Group key={s} justify="space-between">
                    <Text size="sm">{t(`effort.sources.${s}`)}</Text>
                    <Text size="sm" fw={600}><Duration minutes={e.bySource[s]} /></Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5" mb="sm">{t("effort.byPerson")}</Title>
              {e.byUser.length === 0 ? <Text size="sm" c="dimmed">{t("effort.nobodyLogged")}</Text> : (
                <Stack gap={4}>
                  {e.byUser.map((u) => (
                    <Group key={u.userId} justify="space-between"><Text size="sm">{u.name}</Text><Text size="sm" fw={600}><Duration minutes={u.minutes} /></Text></Group>
                  ))}
                </Stack>
              )}
            </Paper>
          </SimpleGrid>
          <Paper withBorder radius="md">
            {e.recent.length === 0 ? (
              <EmptyHint icon={<IconHourglass />} title={t("effort.noEntries")} description={t("effort.noEntriesText")}>
                {canWrite && <Button variant="light" onClick={() => setTarget({ accountId })}>{t("effort.logTime")}</Button>}
              </EmptyHint>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="xs" aria-label={t("effort.recent")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("effort.workedOn")}</Table.Th>
                      <Table.Th>{t("effort.person")}</Table.Th>
                      <Table.Th>{t("effort.time")}</Table.Th>
                      <Table.Th>{t("effort.source")}</Table.Th>
                      <Table.Th>{t("effort.note")}</Table.Th>
                      <Table.Th><VisuallyHidden>{t("effort.actions")}</VisuallyHidden></Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.recent.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td>{formatDate(entry.workedOn)}</Table.Td>
                        <Table.Td>{entry.userName}</Table.Td>
                        <Table.Td><Duration minutes={entry.minutes} /></Table.Td>
                        <Table.Td><Badge variant="light" size="sm">{t(`effort.sources.${entry.source}`)}</Badge></Table.Td>
                        <Table.Td><Text size="sm" lineClamp={2}>{entry.note ?? ""}</Text></Table.Td>
                        <Table.Td>
                          {mayChange(entry) && (
                            <Group gap={2} wrap="nowrap" justify="flex-end">
                              <ActionIcon variant="subtle" aria-label={t("effort.editEntry")} onClick={() => setTarget({ accountId, entry })}><IconPencil size={16} /></ActionIcon>
                              <ActionIcon variant="subtle" color="red" aria-label={t("effort.deleteEntry")} onClick={() => remove(entry)}><IconTrash size={16} /></ActionIcon>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      )}
      <LogTimeModal target={target} onClose={() => setTarget(null)} onSaved={refresh} />
    </Stack>
  );
}
