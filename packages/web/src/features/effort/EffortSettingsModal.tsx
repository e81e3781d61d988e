import { Button, Group, Modal, NumberInput, Stack, Text } from "@mantine/core";
import type { TEffortSettings } from "@openkam/contracts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { putEffortSettings } from "./effort.api";

/** The key/growth target and the over/under-service band. */
export function EffortSettingsModal({ settings, opened, onClose, onSaved }: { settings: TEffortSettings | undefined; opened: boolean; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const [keyShare, setKeyShare] = useState<string | number>(70);
  const [over, setOver] = useState<string | number>(1.5);
  const [under, setUnder] = useState<string | number>(0.5);
  useEffect(() => {
    if (!opened || !settings) return;
    setKeyShare(settings.keySharePct);
    setOver(settings.overRatio);
    setUnder(settings.underRatio);
  }, [opened, settings]);
  const save = () => run(async () => {
    await putEffortSettings({ keySharePct: Number(keyShare), overRatio: Number(over), underRatio: Number(under), version: settings?.version ?? 0 });
    await onSaved();
    notifySaved();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t("effort.settingsTitle")}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <NumberInput
            label={t("effort.targetKeyShare")} description={t("effort.targetKeyShareHint", { growth: 100 - Number(keyShare || 0) })}
            min={0} max={100} allowDecimal={false} suffix="%" value={keyShare} onChange={setKeyShare} error={errors.keySharePct} data-autofocus
          />
          <NumberInput label={t("effort.overRatio")} description={t("effort.overRatioHint")} min={1.01} max={10} step={0.1} decimalScale={2} value={over} onChange={setOver} error={errors.overRatio} />
          <NumberInput label={t("effort.underRatio")} description={t("effort.underRatioHint")} min={0.01} max={0.99} step={0.1} decimalScale={2} value={under} onChange={setUnder} error={errors.underRatio} />
          <Text size="xs" c="dimmed">{t("effort.settingsHint")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
