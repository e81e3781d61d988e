import { ActionIcon, Badge, Box, Button, Group, NumberInput, Paper, ScrollArea, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import type { TJourney } from "@openkam/contracts";
import { moveJourneyStage, painPointsBySeverity } from "@openkam/domain/growth/index";
import { IconArrowLeft, IconArrowRight, IconChecklist, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { ApiError } from "../../lib/api/api-error";
import { formatDate } from "../../lib/format";
import { createActionTask, growthKeys, putJourney, useJourney } from "./growth.api";
import { journeyStageLabel, newItemId } from "./growth-format";

type Stage = TJourney["stages"][number];
const SEVERITY_COLORS = ["", "gray", "yellow", "orange", "red", "red"] as const;

/** One line of text and a button: adds an item to a stage. */
function QuickAdd({ label, onAdd, withSeverity = false }: { label: string; onAdd(text: string, severity: number): Promise<void>; withSeverity?: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [severity, setSeverity] = useState(3);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === "") return;
    await onAdd(text.trim(), severity);
    setText("");
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Group gap={4} wrap="nowrap">
        <TextInput size="xs" flex={1} placeholder={label} aria-label={label} value={text} maxLength={1000} onChange={(e) => setText(e.currentTarget.value)} />
        {withSeverity && <NumberInput size="xs" w={56} min={1} max={5} allowDecimal={false} clampBehavior="strict" aria-label={t("growth.journey.severity")} value={severity} onChange={(v) => setSeverity(typeof v === "number" ? v : 3)} />}
        <ActionIcon type="submit" variant="light" aria-label={label}><IconPlus size={14} /></ActionIcon>
      </Group>
    </form>
  );
}

export function JourneySection({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const journey = useJourney(accountId);
  const [newStage, setNewStage] = useState("");

  if (journey.isPending) return <TableSkeleton rows={4} />;
  if (journey.isError) return <ErrorState error={journey.error} onRetry={() => void journey.refetch()} />;
  const { stages, version } = journey.data;

  async function save(next: Stage[]): Promise<void> {
    try {
      const saved = await putJourney(accountId, { stages: next, version });
      queryClient.setQueryData(growthKeys.journey(accountId), saved);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        notifyFailed(error, t("growth.journey.changedMeanwhile"));
        await journey.refetch();
      } else notifyFailed(error);
      throw error;
    }
  }
  const change = (index: number, patch: (s: Stage) => Stage) => save(stages.map((s, i) => (i === index ? patch(s) : s))).catch(() => undefined);

  async function removeStage(index: number) {
    const stage = stages[index]!;
    const ok = await confirmAction({ title: t("growth.journey.removeStageTitle"), message: t("growth.journey.removeStageConfirm", { name: journeyStageLabel(stage, t) }), confirmLabel: t("common.delete"), danger: true });
    if (ok) await save(stages.filter((_, i) => i !== index)).catch(() => undefined);
  }

  async function addStage(event: FormEvent) {
    event.preventDefault();
    const name = newStage.trim();
    if (!name) return;
    await save([...stages, { key: newItemId().slice(0, 8), name, touchpoints: [], painPoints: [], actions: [] }]).then(() => setNewStage("")).catch(() => undefined);
  }

  async function makeTask(actionId: string) {
    try {
      const result = await createActionTask(accountId, actionId);
      queryClient.setQueryData(growthKeys.journey(accountId), result.journey);
      void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      notifySaved(t("growth.journey.taskCreated"));
    } catch (error) {
      notifyFailed(error);
    }
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t("growth.journey.intro")}</Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="xs">
          {stages.map((stage, index) => (
            <Paper key={stage.key} withBorder radius="md" p="sm" w={280} miw={280} data-testid="journey-stage">
              <Group justify="space-between" wrap="nowrap" mb="xs">
                <Text fw={700}>{index + 1}. {journeyStageLabel(stage, t)}</Text>
                {canWrite && (
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon size="sm" variant="subtle" disabled={index === 0} aria-label={t("growth.journey.moveLeft")} onClick={() => void save(moveJourneyStage(stages, index, index - 1)).catch(() => undefined)}><IconArrowLeft size={14} /></ActionIcon>
                    <ActionIcon size="sm" variant="subtle" disabled={index === stages.length - 1} aria-label={t("growth.journey.moveRight")} onClick={() => void save(moveJourneyStage(stages, index, index + 1)).catch(() => undefined)}><IconArrowRight size={14} /></ActionIcon>
                    <ActionIcon size="sm" variant="subtle" color="red" disabled={stages.length === 1} aria-label={t("growth.journey.removeStage")} onClick={() => void removeStage(index)}><IconTrash size={14} /></ActionIcon>
                  </Group>
                )}
              </Group>

              <Text size="xs" fw={600} c="dimmed" tt="uppercase">{t("growth.journey.touchpoints")}</Text>
              <Stack gap={4} my={4}>
                {stage.touchpoints.length === 0 && <Text size="xs" c="dimmed">{t("growth.journey.none")}</Text>}
                {stage.touchpoints.map((tp) => (
                  <Group key={tp.id} gap={4} justify="space-between" wrap="nowrap">
                    <Text size="sm">• {tp.name}</Text>
                    {canWrite && <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t("growth.journey.removeItem", { name: tp.name })} onClick={() => void change(index, (s) => ({ ...s, touchpoints: s.touchpoints.filter((x) => x.id !== tp.id) }))}><IconTrash size={12} /></ActionIcon>}
                  </Group>
                ))}
                {canWrite && <QuickAdd label={t("growth.journey.addTouchpoint")} onAdd={(name) => change(index, (s) => ({ ...s, touchpoints: [...s.touchpoints, { id: newItemId(), name, channel: null }] }))} />}
              </Stack>

              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="xs">{t("growth.journey.painPoints")}</Text>
              <Stack gap={4} my={4}>
                {stage.painPoints.length === 0 && <Text size="xs" c="dimmed">{t("growth.journey.none")}</Text>}
                {painPointsBySeverity(stage.painPoints).map((p) => (
                  <Paper key={p.id} withBorder p={6} radius="sm" style={{ borderLeft: `4px solid var(--mantine-color-${SEVERITY_COLORS[p.severity] ?? "gray"}-6)` }}>
                    <Group gap={4} justify="space-between" wrap="nowrap" align="flex-start">
                      <Text size="sm">{p.description}</Text>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t("growth.journey.severity")}><Badge size="sm" color={SEVERITY_COLORS[p.severity] ?? "gray"}>{p.severity}/5</Badge></Tooltip>
                        {canWrite && <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t("growth.journey.removeItem", { name: p.description })}
                          onClick={() => void change(index, (s) => ({ ...s, painPoints: s.painPoints.filter((x) => x.id !== p.id), actions: s.actions.map((a) => (a.painPointId === p.id ? { ...a, painPointId: null } : a)) }))}><IconTrash size={12} /></ActionIcon>}
                      </Group>
                    </Group>
                  </Paper>
                ))}
                {canWrite && <QuickAdd withSeverity label={t("growth.journey.addPainPoint")} onAdd={(description, severity) => change(index, (s) => ({ ...s, painPoints: [...s.painPoints, { id: newItemId(), description, severity }] }))} />}
              </Stack>

              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="xs">{t("growth.journey.actions")}</Text>
              <Stack gap={4} my={4}>
                {stage.actions.length === 0 && <Text size="xs" c="dimmed">{t("growth.journey.none")}</Text>}
                {stage.actions.map((a) => (
                  <Box key={a.id}>
                    <Group gap={4} justify="space-between" wrap="nowrap" align="flex-start">
                      <Text size="sm">→ {a.description}</Text>
                      {a.taskId ? <Badge size="sm" color="teal" variant="light" leftSection={<IconChecklist size={10} />}>{t("growth.journey.isTask")}</Badge> : canWrite && (
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label={t("growth.journey.makeTask")}><ActionIcon size="xs" variant="light" aria-label={t("growth.journey.makeTaskNamed", { name: a.description })} onClick={() => void makeTask(a.id)}><IconChecklist size={12} /></ActionIcon></Tooltip>
                          <ActionIcon size="xs" variant="subtle" color="gray" aria-label={t("growth.journey.removeItem", { name: a.description })} onClick={() => void change(index, (s) => ({ ...s, actions: s.actions.filter((x) => x.id !== a.id) }))}><IconTrash size={12} /></ActionIcon>
                        </Group>
                      )}
                    </Group>
                    {a.dueDate && <Text size="xs" c="dimmed">{t("growth.journey.due", { date: formatDate(a.dueDate) })}</Text>}
                  </Box>
                ))}
                {canWrite && <QuickAdd label={t("growth.journey.addAction")} onAdd={(description) => change(index, (s) => ({ ...s, actions: [...s.actions, { id: newItemId(), description, painPointId: null, dueDate: null, taskId: null }] }))} />}
              </Stack>
            </Paper>
          ))}
          {canWrite && stages.length < 20 && (
            <Paper withBorder radius="md" p="sm" w={220} miw={220} style={{ borderStyle: "dashed" }}>
              <form onSubmit={(e) => void addStage(e)} noValidate>
                <Stack gap="xs">
                  <TextInput size="xs" label={t("growth.journey.newStage")} value={newStage} maxLength={100} onChange={(e) => setNewStage(e.currentTarget.value)} />
                  <Button size="xs" type="submit" variant="light" leftSection={<IconPlus size={14} />}>{t("growth.journey.addStage")}</Button>
                </Stack>
              </form>
            </Paper>
          )}
        </Group>
      </ScrollArea>
    </Stack>
  );
}
