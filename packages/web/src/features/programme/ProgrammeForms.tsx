import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from "@mantine/core";
import type { TProgramme, TProgrammeGoal } from "@openkam/contracts";
import { PROGRAMME_GOAL_KINDS, type ProgrammeGoalKind } from "@openkam/domain/programme/index";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { createGoal, putProgramme, updateGoal } from "./programme.api";

/** Name, description and start of the programme; a new one when `programme` is null. */
export function ProgrammeModal({ programme, opened, onClose, onSaved }: { programme: TProgramme | null; opened: boolean; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [startsOn, setStartsOn] = useState("");
  useEffect(() => {
    if (!opened) return;
    setName(programme?.name ?? t("programme.defaultName"));
    setDescription(programme?.description ?? "");
    setStartsOn(programme?.startsOn ?? "");
  }, [opened, programme, t]);
  const save = () => run(async () => {
    await putProgramme({ name, description, startsOn: startsOn || null, version: programme?.version ?? 0 });
    await onSaved();
    notifySaved();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={programme ? t("programme.edit") : t("programme.setUp")}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <TextInput label={t("programme.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={200} data-autofocus />
          <Textarea label={t("programme.description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} autosize minRows={2} />
          <TextInput label={t("programme.startsOn")} type="date" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const num = (v: string | number) => (v === "" ? null : Number(v));

/** A new goal (goal null) or changes to one. */
export function GoalModal({ goal, opened, onClose, onSaved }: { goal: TProgrammeGoal | null; opened: boolean; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<ProgrammeGoalKind>("revenue_growth");
  const [target, setTarget] = useState<string | number>("");
  const [current, setCurrent] = useState<string | number>("");
  const [unit, setUnit] = useState("");
  useEffect(() => {
    if (!opened) return;
    setTitle(goal?.title ?? "");
    setKind(goal?.kind ?? "revenue_growth");
    setTarget(goal?.target ?? "");
    setCurrent(goal?.kind === "manual" && goal.currentValue !== null ? goal.currentValue : "");
    setUnit(goal?.kind === "manual" ? goal.unit ?? "" : "");
  }, [opened, goal]);
  const manual = kind === "manual";
  const save = () => run(async () => {
    const targetValue = num(target) ?? 0;
    if (goal) {
      await updateGoal(goal, { title, target: targetValue, ...(manual ? { currentValue: num(current), unit } : {}) });
    } else {
      await createGoal({ title, kind, target: targetValue, ...(manual ? { currentValue: num(current), unit } : {}) });
    }
    await onSaved();
    notifySaved();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={goal ? t("programme.editGoal") : t("programme.addGoal")}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <TextInput label={t("programme.goalTitle")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} data-autofocus />
          <Select
            label={t("programme.goalKind")} value={kind} onChange={(v) => v && setKind(v as ProgrammeGoalKind)} disabled={goal !== null} allowDeselect={false}
            data={PROGRAMME_GOAL_KINDS.map((k) => ({ value: k, label: t(`programme.kinds.${k}`) }))} description={t(`programme.kindHints.${kind}`)}
          />
          <NumberInput label={manual ? t("programme.target") : t("programme.targetPct")} required value={target} onChange={setTarget} decimalScale={2} error={errors.target} />
          {manual && (
            <>
              <NumberInput label={t("programme.currentValue")} value={current} onChange={setCurrent} decimalScale={2} error={errors.currentValue} />
              <TextInput label={t("programme.unit")} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} maxLength={20} error={errors.unit} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
