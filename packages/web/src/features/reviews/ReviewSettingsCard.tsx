import { ActionIcon, Button, Group, NumberInput, Paper, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import type { TReviewCriterion } from "@openkam/contracts";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { putReviewSettings, useReviewSettings, useReviewsRefresh } from "./reviews.api";

/** A key from an English label: "Speed of delivery" → "speed_of_delivery". */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^([0-9])/, "c_$1").slice(0, 36) || "criterion";
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return key;
}

/** The criteria and gap threshold new reviews start with (directors and admins). */
export function ReviewSettingsCard() {
  const { t } = useTranslation();
  const settings = useReviewSettings();
  const refresh = useReviewsRefresh();
  const { busy, errors, run } = useFormSubmit();
  const [criteria, setCriteria] = useState<TReviewCriterion[]>([]);
  const [threshold, setThreshold] = useState<string | number>(1);
  useEffect(() => {
    if (!settings.data) return;
    setCriteria(settings.data.criteria);
    setThreshold(settings.data.gapThreshold);
  }, [settings.data]);
  if (!settings.data) return <Skeleton height={280} radius="md" />;

  const update = (i: number, patch: Partial<TReviewCriterion["labels"]>) => setCriteria((cs) => cs.map((c, j) => (j === i ? { ...c, labels: { ...c.labels, ...patch } } : c)));
  const move = (i: number, by: number) => setCriteria((cs) => {
    const next = [...cs];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    return next;
  });
  const save = () => run(async () => {
    const named = criteria.map((c) => ({ ...c, key: c.key || keyFromLabel(c.labels.en, criteria.map((x) => x.key)) }));
    await putReviewSettings({ criteria: named, gapThreshold: Number(threshold), version: settings.data.version });
    await refresh();
    notifySaved();
  });

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5">{t("reviews.settingsTitle")}</Title>
      <Text size="xs" c="dimmed" mb="md">{t("reviews.settingsHint")}</Text>
      <Stack gap="sm">
        {criteria.map((c, i) => (
          <Group key={`${c.key}-${i}`} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput label={t("reviews.labelEn")} value={c.labels.en} onChange={(e) => update(i, { en: e.currentTarget.value })} style={{ flex: 1 }} error={errors[`criteria.${i}.labels.en`]} />
            <TextInput label={t("reviews.labelZh")} value={c.labels["zh-CN"]} onChange={(e) => update(i, { "zh-CN": e.currentTarget.value })} style={{ flex: 1 }} error={errors[`criteria.${i}.labels.zh-CN`]} />
            <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t("reviews.moveUp", { name: c.labels.en })} mb={4}><IconArrowUp size={16} /></ActionIcon>
            <ActionIcon variant="subtle" disabled={i === criteria.length - 1} onClick={() => move(i, 1)} aria-label={t("reviews.moveDown", { name: c.labels.en })} mb={4}><IconArrowDown size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="red" disabled={criteria.length <= 1} onClick={() => setCriteria((cs) => cs.filter((_, j) => j !== i))} aria-label={t("reviews.removeCriterion", { name: c.labels.en })} mb={4}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errors.criteria && <Text c="red" size="sm" role="alert">{errors.criteria}</Text>}
        <Group justify="space-between" align="flex-end">
          <Button variant="subtle" leftSection={<IconPlus size={14} />} disabled={criteria.length >= 12} onClick={() => setCriteria((cs) => [...cs, { key: "", labels: { en: "", "zh-CN": "" } }])}>
            {t("reviews.addCriterion")}
          </Button>
          <NumberInput label={t("reviews.gapThreshold")} min={0.25} max={4} step={0.25} decimalScale={2} value={threshold} onChange={setThreshold} w={180} error={errors.gapThreshold} />
        </Group>
        <Group justify="flex-end"><Button onClick={() => void save()} loading={busy}>{t("common.save")}</Button></Group>
      </Stack>
    </Paper>
  );
}
