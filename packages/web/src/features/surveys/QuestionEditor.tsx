import { ActionIcon, Button, Card, Grid, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { SURVEY_QUESTION_KINDS } from "@openkam/domain/surveys/definition";
import type { TSurveyQuestion } from "@openkam/contracts";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export type Localized = { en: string; "zh-CN": string };
const empty = (): Localized => ({ en: "", "zh-CN": "" });

/** A new question of a kind, with the usual wording for NPS and CSAT filled in. */
export function newQuestion(kind: TSurveyQuestion["kind"], id: string, t: (key: string, options?: { lng: string }) => string): TSurveyQuestion {
  const both = (key: string): Localized => ({ en: t(key, { lng: "en" }), "zh-CN": t(key, { lng: "zh-CN" }) });
  switch (kind) {
    case "nps": return { id, kind, required: true, prompt: both("surveys.builder.npsPrompt"), followUp: both("surveys.builder.npsFollowUp") };
    case "csat": return { id, kind, required: false, prompt: both("surveys.builder.csatPrompt") };
    case "scale": return { id, kind, required: false, prompt: empty(), min: 1, max: 5, minLabel: null, maxLabel: null };
    case "single_choice":
    case "multiple_choice": return { id, kind, required: false, prompt: empty(), options: [{ id: "a", label: empty() }, { id: "b", label: empty() }] };
    case "text": return { id, kind, required: false, prompt: empty() };
  }
}

/** Both languages side by side, so neither is forgotten. */
export function BilingualInput({ label, value, onChange, required = true }: { label: string; value: Localized; onChange: (v: Localized) => void; required?: boolean }) {
  return (
    <Grid gap="xs">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={`${label} · English`} value={value.en} required={required} maxLength={500} onChange={(e) => onChange({ ...value, en: e.currentTarget.value })} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={`${label} · 中文`} value={value["zh-CN"]} required={required} maxLength={500} onChange={(e) => onChange({ ...value, "zh-CN": e.currentTarget.value })} />
      </Grid.Col>
    </Grid>
  );
}

export function QuestionEditor({ question, index, count, onChange, onMove, onRemove }: {
  question: TSurveyQuestion; index: number; count: number; onChange: (q: TSurveyQuestion) => void; onMove: (delta: -1 | 1) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const q = question;
  return (
    <Card withBorder radius="md" padding="md" data-testid="question-editor">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="xs">
          <Text fw={650}>{t("surveys.builder.question", { n: index + 1 })}</Text>
          <Select size="xs" w={190} aria-label={t("surveys.builder.kind")} value={q.kind} allowDeselect={false}
            data={SURVEY_QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
            onChange={(kind) => kind && onChange({ ...newQuestion(kind as TSurveyQuestion["kind"], q.id, t), prompt: q.prompt })} />
          <Switch size="sm" label={t("surveys.builder.required")} checked={q.required} onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })} />
        </Group>
        <Group gap={2}>
          <ActionIcon variant="subtle" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t("surveys.builder.moveUp")}><IconArrowUp size={16} /></ActionIcon>
          <ActionIcon variant="subtle" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t("surveys.builder.moveDown")}><IconArrowDown size={16} /></ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t("surveys.builder.remove")}><IconTrash size={16} /></ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">
        <BilingualInput label={t("surveys.builder.prompt")} value={q.prompt} onChange={(prompt) => onChange({ ...q, prompt })} />
        {q.kind === "nps" && <BilingualInput label={t("surveys.builder.followUp")} value={q.followUp} onChange={(followUp) => onChange({ ...q, followUp })} />}
        {q.kind === "scale" && (
          <>
            <Group grow>
              <NumberInput label={t("surveys.builder.min")} min={0} max={9} value={q.min} onChange={(v) => onChange({ ...q, min: Number(v) || 0 })} />
              <NumberInput label={t("surveys.builder.max")} min={1} max={10} value={q.max} onChange={(v) => onChange({ ...q, max: Number(v) || 1 })} />
            </Group>
            <BilingualInput required={false} label={t("surveys.builder.minLabel")} value={q.minLabel ?? empty()} onChange={(v) => onChange({ ...q, minLabel: v.en || v["zh-CN"] ? v : null })} />
            <BilingualInput required={false} label={t("surveys.builder.maxLabel")} value={q.maxLabel ?? empty()} onChange={(v) => onChange({ ...q, maxLabel: v.en || v["zh-CN"] ? v : null })} />
          </>
        )}
        {(q.kind === "single_choice" || q.kind === "multiple_choice") && (
          <Stack gap="xs">
            {q.options.map((o, j) => (
              <Group key={o.id} align="flex-end" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <BilingualInput label={t("surveys.builder.option", { n: j + 1 })} value={o.label}
                    onChange={(label) => onChange({ ...q, options: q.options.map((x, k) => (k === j ? { ...x, label } : x)) })} />
                </div>
                <ActionIcon variant="subtle" color="red" disabled={q.options.length <= 2} aria-label={t("surveys.builder.removeOption")}
                  onClick={() => onChange({ ...q, options: q.options.filter((_, k) => k !== j) })}><IconTrash size={16} /></ActionIcon>
              </Group>
            ))}
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} disabled={q.options.length >= 20} style={{ alignSelf: "flex-start" }}
              onClick={() => onChange({ ...q, options: [...q.options, { id: `o${Date.now().toString(36)}`, label: empty() }] })}>
              {t("surveys.builder.addOption")}
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
