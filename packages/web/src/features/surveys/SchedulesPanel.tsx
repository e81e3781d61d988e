import { ActionIcon, Badge, Button, Card, Group, Modal, Paper, SegmentedControl, Select, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import { SURVEY_RECURRENCES } from "@openkam/domain/surveys/definition";
import type { TCreateSurveyScheduleRequest, TSurveySchedule } from "@openkam/contracts";
import { IconCalendarRepeat, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { notifyFailed, notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/format";
import { useAccountChoices } from "../programme/programme.api";
import { createSchedule, deleteSchedule, updateSchedule, useSchedules } from "./surveys.api";

function NewSchedule({ surveyId, opened, onClose, onSaved }: { surveyId: string; opened: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<"account" | "tier" | "cohort">("tier");
  const [account, setAccount] = useState<string | null>(null);
  const [tier, setTier] = useState<string | null>("strategic");
  const [recurrence, setRecurrence] = useState<string | null>("quarterly");
  const [startsOn, setStartsOn] = useState(new Date().toISOString().slice(0, 10));
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const choices = useAccountChoices(q);
  const target = kind === "account" ? (account ? { kind, accountId: account } : null) : kind === "tier" ? (tier ? { kind, tier } : null) : { kind };
  const save = async () => {
    try {
      await createSchedule(surveyId, { target, recurrence, startsOn, active: true } as TCreateSurveyScheduleRequest);
      notifySaved();
      onSaved();
      onClose();
    } catch (error) {
      notifyFailed(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("surveys.schedules.new")}>
      <Stack>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as "tier")} aria-label={t("surveys.send.target")}
          data={[{ value: "account", label: t("surveys.targets.account") }, { value: "tier", label: t("surveys.targets.tier") }, { value: "cohort", label: t("surveys.targets.cohort") }]} />
        {kind === "account" && (
          <Select label={t("surveys.results.account")} searchable value={account} onChange={setAccount} searchValue={search} onSearchChange={setSearch}
            data={(choices.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} nothingFoundMessage={t("surveys.send.noAccount")} />
        )}
        {kind === "tier" && <Select label={t("surveys.targets.tier")} value={tier} onChange={setTier} data={ACCOUNT_TIERS.map((x) => ({ value: x, label: t(`enums.tier.${x}`) }))} />}
        <Select label={t("surveys.schedules.recurrence")} value={recurrence} onChange={setRecurrence} data={SURVEY_RECURRENCES.map((r) => ({ value: r, label: t(`surveys.recurrences.${r}`) }))} />
        <TextInput type="date" label={t("surveys.schedules.startsOn")} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} required />
        <Text size="xs" c="dimmed">{t("surveys.schedules.hint")}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button onClick={() => void save()} disabled={!target || !recurrence || !startsOn}>{t("common.save")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const targetLabel = (s: TSurveySchedule, t: (key: string, o?: Record<string, unknown>) => string) =>
  s.target.kind === "account" ? (s.accountName ?? t("surveys.targets.account")) : s.target.kind === "tier" ? t("surveys.schedules.tierTarget", { tier: t(`enums.tier.${s.target.tier}`) }) : t("surveys.targets.cohort");

export function SchedulesPanel({ surveyId, canManage }: { surveyId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const schedules = useSchedules(surveyId);
  const [opened, { open, close }] = useDisclosure(false);
  const items = schedules.data?.items ?? [];
  const refresh = () => void schedules.refetch();
  return (
    <Stack>
      {canManage && <Group justify="flex-end"><Button leftSection={<IconPlus size={16} />} onClick={open}>{t("surveys.schedules.new")}</Button></Group>}
      {items.length === 0 ? (
        <Paper withBorder radius="md"><EmptyHint icon={<IconCalendarRepeat />} title={t("surveys.schedules.emptyTitle")} description={t("surveys.schedules.emptyText")} /></Paper>
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead><Table.Tr>
                <Table.Th>{t("surveys.send.target")}</Table.Th><Table.Th>{t("surveys.schedules.recurrence")}</Table.Th><Table.Th>{t("surveys.schedules.next")}</Table.Th>
                <Table.Th>{t("surveys.schedules.active")}</Table.Th><Table.Th />
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{targetLabel(s, t)}</Table.Td>
                    <Table.Td><Badge variant="light">{t(`surveys.recurrences.${s.recurrence}`)}</Badge></Table.Td>
                    <Table.Td>{s.nextOccurrences.slice(0, 2).map(formatDate).join(", ") || "—"}</Table.Td>
                    <Table.Td>
                      <Switch checked={s.active} disabled={!canManage} aria-label={t("surveys.schedules.active")}
                        onChange={(e) => void updateSchedule(s, { active: e.currentTarget.checked }).then(refresh, notifyFailed)} />
                    </Table.Td>
                    <Table.Td>
                      {canManage && (
                        <ActionIcon variant="subtle" color="red" aria-label={t("surveys.schedules.delete")}
                          onClick={() => void confirmAction({ title: t("surveys.schedules.delete"), message: t("surveys.schedules.deleteText"), confirmLabel: t("common.delete"), danger: true })
                            .then(async (ok) => { if (ok) await deleteSchedule(s).then(refresh, notifyFailed); })}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <NewSchedule surveyId={surveyId} opened={opened} onClose={close} onSaved={refresh} />
    </Stack>
  );
}
