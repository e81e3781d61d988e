import { Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { TEffortEntry } from "@openkam/contracts";
import type { EffortSource } from "@openkam/domain/effort/index";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { logEffort, periodOfDays, updateEffort } from "./effort.api";

export interface LogTimeTarget {
  accountId: string;
  /** What the time was spent on; a manual entry by default. */
  source?: Exclude<EffortSource, "manual">;
  sourceId?: string;
  /** An entry to change instead of a new one. */
  entry?: TEffortEntry;
}

/** Logs time on an account (or one of its interactions, cases or tasks), or changes an entry. */
export function LogTimeModal({ target, onClose, onSaved }: { target: LogTimeTarget | null; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const [workedOn, setWorkedOn] = useState("");
  const [hours, setHours] = useState<string | number>(1);
  const [minutes, setMinutes] = useState<string | number>(0);
  const [note, setNote] = useState("");
  useEffect(() => {
    if (!target) return;
    const entry = target.entry;
    setWorkedOn(entry?.workedOn ?? periodOfDays(1).to);
    setHours(entry ? Math.floor(entry.minutes / 60) : 1);
    setMinutes(entry ? entry.minutes % 60 : 0);
    setNote(entry?.note ?? "");
  }, [target]);
  const total = Number(hours || 0) * 60 + Number(minutes || 0);
  const save = () => run(async () => {
    if (!target) return;
    if (target.entry) await updateEffort(target.entry, { workedOn, minutes: total, note });
    else await logEffort({ accountId: target.accountId, workedOn, minutes: total, note, source: target.source ?? "manual", sourceId: target.sourceId ?? null });
    await onSaved();
    notifySaved(t("effort.savedEntry"));
    onClose();
  });
  return (
    <Modal opened={target !== null} onClose={onClose} title={target?.entry ? t("effort.editEntry") : t("effort.logTime")}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <TextInput label={t("effort.workedOn")} type="date" required value={workedOn} onChange={(e) => setWorkedOn(e.currentTarget.value)} error={errors.workedOn} data-autofocus />
          <Group grow align="flex-start">
            <NumberInput label={t("effort.hours")} min={0} max={24} allowDecimal={false} value={hours} onChange={setHours} />
            <NumberInput label={t("effort.minutes")} min={0} max={59} step={15} allowDecimal={false} value={minutes} onChange={setMinutes} error={errors.minutes} />
          </Group>
          <Textarea label={t("effort.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} rows={3} maxLength={1000} />
          {(errors.sourceId ?? errors.userId) && <Text c="red" size="sm" role="alert">{errors.sourceId ?? errors.userId}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy} disabled={total <= 0}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
