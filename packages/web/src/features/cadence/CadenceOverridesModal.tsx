import { Button, Group, Modal, NumberInput, Select, Stack, Text } from "@mantine/core";
import type { TAccountCadence } from "@openkam/contracts";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConflictDialog } from "../../components/ConflictDialog";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { describeConflict, keepMine, type ConflictRow } from "../../lib/conflict";
import { putAccountCadence, useCadenceCache } from "./cadence.api";
import { CADENCE_KINDS, intervalMessage, type CadenceKind } from "./cadence-format";
import {
  MAX_INTERVAL_DAYS, OVERRIDE_MODES, overrideSettings, overrideValues, overridesRequest, settingsOfValues, validateOverrides,
  type OverrideMode, type OverrideSetting, type OverrideSettings, type OverrideValues,
} from "./override-form";
import { say } from "./parts";

interface Props {
  cadence: TAccountCadence;
  onClose(): void;
}

interface Conflict {
  rows: ConflictRow[];
  patch: OverrideSettings;
  current: TAccountCadence;
}

/**
 * The account's own cadence, kind by kind: its tier's interval, a number of days, a calendar
 * period, or off. The save carries the version read; when someone else changed the cadence
 * meanwhile, both versions are shown and the user chooses.
 */
export function CadenceOverridesModal({ cadence, onClose }: Props) {
  const { t } = useTranslation();
  const cache = useCadenceCache();
  const { busy, errors, run, clearError } = useFormSubmit();
  const [values, setValues] = useState<OverrideValues>(() => overrideValues(cadence.overrides));
  const [checked, setChecked] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const local = checked ? validateOverrides(values) : {};
  const tierName = t(`enums.tier.${cadence.tier}`);

  const set = (kind: CadenceKind, patch: Partial<OverrideValues[CadenceKind]>) => {
    clearError(kind);
    setValues((v) => ({ ...v, [kind]: { ...v[kind], ...patch } }));
  };
  const errorOf = (kind: CadenceKind) => {
    const code = local[kind];
    return code ? t(`cadence.edit.errors.${code}`, { max: MAX_INTERVAL_DAYS }) : errors[kind];
  };
  const settingText = (kind: CadenceKind, setting: OverrideSetting) =>
    setting === "inherit"
      ? t("cadence.edit.inheritValue", { value: say(t, intervalMessage(cadence.tierPolicy[kind])) })
      : say(t, intervalMessage(setting === "off" ? null : setting));

  function save(settings: OverrideSettings, base: TAccountCadence) {
    return run(async () => {
      const saved = await putAccountCadence(cadence.accountId, overridesRequest(settings, base.version));
      cache.put(saved);
      setConflict(null);
      notifySaved(t("cadence.edit.saved"));
      onClose();
    }, {
      onConflict: (error) => {
        const current = error.current as TAccountCadence;
        setConflict({ rows: describeConflict(overrideSettings(base.overrides), settings, overrideSettings(current.overrides)), patch: settings, current });
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(validateOverrides(values)).length > 0) return;
    void save(settingsOfValues(values), cadence);
  }

  const modeOptions = (kind: CadenceKind) =>
    OVERRIDE_MODES.map((mode) => ({
      value: mode,
      label: mode === "inherit" ? settingText(kind, "inherit") : t(`cadence.edit.mode.${mode}`),
    }));

  return (
    <>
      <Modal opened={!conflict} onClose={onClose} title={t("cadence.edit.title")}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">{t("cadence.edit.intro", { tier: tierName })}</Text>
            {CADENCE_KINDS.map((kind, index) => {
              const value = values[kind];
              return (
                <Stack key={kind} gap={6}>
                  <Select
                    label={t(`cadence.kind.${kind}`)}
                    data={modeOptions(kind)}
                    value={value.mode}
                    onChange={(mode) => mode && set(kind, { mode: mode as OverrideMode })}
                    allowDeselect={false}
                    error={value.mode === "days" ? undefined : errorOf(kind)}
                    data-autofocus={index === 0 || undefined}
                  />
                  {value.mode === "days" && (
                    <NumberInput
                      label={t("cadence.edit.daysLabel", { kind: t(`cadence.kind.${kind}`) })}
                      description={t("cadence.edit.daysHint", { max: MAX_INTERVAL_DAYS })}
                      value={value.days}
                      onChange={(days) => set(kind, { days: days === "" ? "" : Number(days) })}
                      min={1}
                      max={MAX_INTERVAL_DAYS}
                      allowDecimal={false}
                      allowNegative={false}
                      // Out-of-range days get a message rather than being silently replaced on blur.
                      clampBehavior="none"
                      required
                      error={errorOf(kind)}
                    />
                  )}
                </Stack>
              );
            })}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
              <Button type="submit" loading={busy}>{t("common.save")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConflictDialog
        rows={conflict?.rows ?? null}
        busy={busy}
        fieldLabel={(field) => t(`cadence.kind.${field}`)}
        formatValue={(field, value) => settingText(field as CadenceKind, value as OverrideSetting)}
        onKeepMine={() => {
          if (!conflict) return;
          const { version: _version, ...mine } = keepMine(overrideSettings(cadence.overrides), conflict.patch, conflict.current);
          void save({ ...overrideSettings(conflict.current.overrides), ...mine }, conflict.current);
        }}
        onTakeTheirs={() => {
          if (conflict) cache.put(conflict.current);
          setConflict(null);
          onClose();
        }}
      />
    </>
  );
}
