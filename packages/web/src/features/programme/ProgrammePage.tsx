import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import type { TProgrammeGoal, TProgrammeOverview } from "@openkam/contracts";
import { IconCheck, IconPencil, IconPlus, IconTarget, IconTrash, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { tierColor } from "../../lib/colors";
import { formatDate, formatPercent } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { addCohortAccount, deleteGoal, removeCohortAccount, useAccountChoices, useProgramme, useProgrammeRefresh } from "./programme.api";
import { GoalModal, ProgrammeModal } from "./ProgrammeForms";

const Yes = ({ ok, label }: { ok: boolean; label: string }) => (
  <Tooltip label={label}>{ok ? <IconCheck size={18} color="var(--mantine-color-teal-7)" aria-label={label} /> : <IconX size={18} color="var(--mantine-color-red-7)" aria-label={label} />}</Tooltip>
);

function GoalCard({ goal, canManage, onEdit, onChanged }: { goal: TProgrammeGoal; canManage: boolean; onEdit: () => void; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const unit = goal.unit ?? "";
  const value = (v: number | null) => (v === null ? "—" : `${v}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`);
  return (
    <Card withBorder radius="md" padding="md" data-testid="programme-goal">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={650}>{goal.title}</Text>
          <Badge size="xs" variant="light" color={goal.kind === "manual" ? "gray" : "blue"}>{t(`programme.kinds.${goal.kind}`)}</Badge>
        </Stack>
        {canManage && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={t("programme.editGoalNamed", { title: goal.title })}><IconPencil size={16} /></ActionIcon>
            <ActionIcon
              variant="subtle" color="red" aria-label={t("programme.deleteGoalNamed", { title: goal.title })}
              onClick={() => void confirmAction({ title: t("programme.deleteGoal"), message: t("programme.deleteGoalText", { title: goal.title }), confirmLabel: t("common.delete"), danger: true })
                .then(async (ok) => {
                  if (!ok) return;
                  try {
                    await deleteGoal(goal);
                    await onChanged();
                    notifySaved();
                  } catch (error) {
                    notifyFailed(error);
                  }
                })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Group justify="space-between" mt="sm" mb={4}>
        <Text size="sm">{t("programme.currentOfTarget", { current: value(goal.currentValue), target: value(goal.target) })}</Text>
        {goal.achieved && <Badge color="teal" size="sm">{t("programme.achieved")}</Badge>}
      </Group>
      <Progress
        value={goal.progressPct ?? 0} color={goal.achieved ? "teal" : "blue"} size="lg" radius="xl"
        aria-label={t("programme.progressOf", { title: goal.title })}
      />
      {goal.currentValue === null && <Text size="xs" c="dimmed" mt={4}>{t(goal.kind === "manual" ? "programme.noValueManual" : "programme.noValue")}</Text>}
    </Card>
  );
}

function AddAccount({ overview, onChanged }: { overview: TProgrammeOverview; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const choices = useAccountChoices(debounced);
  const inCohort = new Set(overview.accounts.map((a) => a.accountId));
  const data = (choices.data?.items ?? []).filter((a) => !inCohort.has(a.id)).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Select
      placeholder={t("programme.addAccount")} aria-label={t("programme.addAccount")} searchable data={data} value={null} w={280}
      searchValue={search} onSearchChange={setSearch} nothingFoundMessage={t("programme.noAccountMatch")}
      onChange={(accountId) => {
        if (!accountId) return;
        setSearch("");
        void addCohortAccount(accountId).then(async () => { await onChanged(); notifySaved(); }, notifyFailed);
      }}
    />
  );
}

/** The KAM programme: the pilot cohort, the goals and how far the cohort has come. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const overview = useProgramme();
  const refresh = useProgrammeRefresh();
  const [editing, { open: edit, close: closeEdit }] = useDisclosure(false);
  const [goalModal, setGoalModal] = useState<{ goal: TProgrammeGoal | null } | null>(null);
  const canManage = me.role === "admin" || me.role === "director";

  if (overview.isError) return <><PageHeader title={t("programme.title")} /><ErrorState error={overview.error} onRetry={() => void overview.refetch()} /></>;
  if (!overview.data) return <><PageHeader title={t("programme.title")} /><Stack><Skeleton height={120} /><Skeleton height={240} /></Stack></>;
  const o = overview.data;
  const p = o.programme;

  return (
    <>
      <PageHeader
        title={p?.name ?? t("programme.title")}
        description={p ? [p.description, p.startsOn ? t("programme.since", { date: formatDate(p.startsOn) }) : null].filter(Boolean).join(" · ") : t("programme.subtitle")}
        actions={canManage && p ? <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit}>{t("common.edit")}</Button> : undefined}
      />
      {!p ? (
        <Paper withBorder radius="md">
          <EmptyHint icon={<IconTarget />} title={t("programme.emptyTitle")} description={t("programme.emptyText")}>
            {canManage ? <Button onClick={edit}>{t("programme.setUp")}</Button> : <Text size="sm" c="dimmed">{t("programme.askDirector")}</Text>}
          </EmptyHint>
        </Paper>
      ) : (
        <Stack gap="lg">
          <section aria-labelledby="goals-title">
            <Group justify="space-between" mb="sm">
              <Title id="goals-title" order={2} size="h4">{t("programme.goals")}</Title>
              {canManage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setGoalModal({ goal: null })}>{t("programme.addGoal")}</Button>}
            </Group>
            {o.goals.length === 0 ? (
              <Paper withBorder radius="md"><EmptyHint icon={<IconTarget />} title={t("programme.noGoals")} description={t("programme.noGoalsText")} /></Paper>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {o.goals.map((g) => <GoalCard key={g.id} goal={g} canManage={canManage} onEdit={() => setGoalModal({ goal: g })} onChanged={refresh} />)}
              </SimpleGrid>
            )}
          </section>

          <section aria-labelledby="cohort-title">
            <Group justify="space-between" mb="sm">
              <Title id="cohort-title" order={2} size="h4">{t("programme.cohort", { count: o.accounts.length })}</Title>
              {canManage && <AddAccount overview={o} onChanged={refresh} />}
            </Group>
            {o.pilotStatus !== "pilot" && o.pilotStatus !== "empty" && (
              <Alert color="yellow" variant="light" mb="sm">{t(`programme.pilot.${o.pilotStatus}`)}</Alert>
            )}
            <Paper withBorder radius="md">
              {o.accounts.length === 0 ? (
                <EmptyHint icon={<IconTarget />} title={t("programme.noCohort")} description={t("programme.noCohortText")} />
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" aria-label={t("programme.cohortLabel")}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("programme.account")}</Table.Th>
                        <Table.Th>{t("programme.revenueGrowth", { currency: o.currency })}</Table.Th>
                        <Table.Th>{t("programme.approvedPlan")}</Table.Th>
                        <Table.Th>{t("programme.cadenceKept")}</Table.Th>
                        <Table.Th>{t("programme.champion")}</Table.Th>
                        {canManage && <Table.Th w={50} />}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {o.accounts.map((a) => (
                        <Table.Tr key={a.accountId}>
                          <Table.Td>
                            <Group gap="xs">
                              <Anchor component={Link} to={`/accounts/${a.accountId}`} size="sm" fw={600}>{a.name}</Anchor>
                              <Badge size="xs" color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge>
                            </Group>
                          </Table.Td>
                          <Table.Td><Text size="sm" c={a.revenueGrowthPct === null ? "dimmed" : a.revenueGrowthPct >= 0 ? "teal.9" : "red.9"}>{formatPercent(a.revenueGrowthPct)}</Text></Table.Td>
                          <Table.Td><Yes ok={a.hasApprovedPlan} label={t(a.hasApprovedPlan ? "programme.yes" : "programme.no")} /></Table.Td>
                          <Table.Td><Yes ok={!a.cadenceOverdue} label={t(a.cadenceOverdue ? "programme.overdue" : "programme.kept")} /></Table.Td>
                          <Table.Td><Yes ok={a.hasChampion} label={t(a.hasChampion ? "programme.yes" : "programme.no")} /></Table.Td>
                          {canManage && (
                            <Table.Td>
                              <ActionIcon
                                variant="subtle" color="red" aria-label={t("programme.removeAccount", { name: a.name })}
                                onClick={() => void confirmAction({ title: t("programme.removeTitle"), message: t("programme.removeText", { name: a.name }), confirmLabel: t("programme.remove"), danger: true })
                                  .then((ok) => { if (ok) void removeCohortAccount(a.accountId).then(async () => { await refresh(); notifySaved(); }, notifyFailed); })}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          </section>
        </Stack>
      )}
      <ProgrammeModal programme={p} opened={editing} onClose={closeEdit} onSaved={refresh} />
      <GoalModal goal={goalModal?.goal ?? null} opened={goalModal !== null} onClose={() => setGoalModal(null)} onSaved={refresh} />
    </>
  );
}
