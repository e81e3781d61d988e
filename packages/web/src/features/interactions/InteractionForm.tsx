import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { TCreateInteractionRequest, TInteraction } from "@openkam/contracts";
import { INTERACTION_TYPES } from "@openkam/domain/enums/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AccountPicker } from "../accounts/AccountPicker";
import { useUserOptions } from "../users/users.api";
import { fromLocalInput, toLocalInput } from "./interaction-time";
import { useAccountContactOptions } from "./interactions.api";

export interface InteractionDraft {
  accountId: string;
  type: TInteraction["type"];
  occurredAt: string;
  durationMinutes: number | null;
  subject: string;
  summary: string;
  outcome: string;
  nextStep: string;
  contactIds: string[];
  userIds: string[];
}

export const emptyInteraction = (accountId = "", userId?: string): InteractionDraft => ({
  accountId, type: "meeting", occurredAt: toLocalInput(new Date().toISOString()), durationMinutes: 60,
  subject: "", summary: "", outcome: "", nextStep: "", contactIds: [], userIds: userId ? [userId] : [],
});

export const interactionDraft = (i: TInteraction): InteractionDraft => ({
  accountId: i.accountId, type: i.type, occurredAt: toLocalInput(i.occurredAt), durationMinutes: i.durationMinutes,
  subject: i.subject, summary: i.summary ?? "", outcome: i.outcome ?? "", nextStep: i.nextStep ?? "", contactIds: i.contactIds, userIds: i.userIds,
});

export function interactionRequest(d: InteractionDraft): TCreateInteractionRequest {
  return {
    accountId: d.accountId,
    type: d.type,
    occurredAt: fromLocalInput(d.occurredAt) ?? d.occurredAt,
    durationMinutes: d.durationMinutes,
    subject: d.subject,
    summary: d.summary.trim() || null,
    outcome: d.outcome.trim() || null,
    nextStep: d.nextStep.trim() || null,
    contactIds: d.contactIds,
    userIds: d.userIds,
  };
}

interface Props {
  initial: InteractionDraft;
  accountName?: string | undefined;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit(draft: InteractionDraft): void;
  onCancel(): void;
}

export function InteractionForm({ initial, accountName, errors, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof InteractionDraft>(key: K, value: InteractionDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const contacts = useAccountContactOptions(draft.accountId);
  const users = useUserOptions();

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(draft);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("interactions.fields.subject")} required value={draft.subject} onChange={(e) => set("subject", e.currentTarget.value)} error={errors.subject} data-autofocus />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <AccountPicker
            label={t("interactions.fields.account")}
            required
            value={draft.accountId || null}
            onChange={(id) => setDraft((d) => ({ ...d, accountId: id ?? "", contactIds: id === d.accountId ? d.contactIds : [] }))}
            error={errors.accountId}
            initialName={accountName}
          />
          <Select
            label={t("interactions.fields.type")}
            data={INTERACTION_TYPES.map((v) => ({ value: v, label: t(`enums.interactionType.${v}`) }))}
            value={draft.type}
            onChange={(v) => v && set("type", v as InteractionDraft["type"])}
            allowDeselect={false}
            error={errors.type}
          />
          <TextInput
            label={t("interactions.fields.occurredAt")}
            description={t("interactions.futurePlans")}
            type="datetime-local"
            required
            value={draft.occurredAt}
            onChange={(e) => set("occurredAt", e.currentTarget.value)}
            error={errors.occurredAt}
          />
          <NumberInput
            label={t("interactions.fields.durationMinutes")}
            min={0}
            max={100000}
            value={draft.durationMinutes ?? ""}
            onChange={(v) => set("durationMinutes", v === "" ? null : Number(v))}
            error={errors.durationMinutes}
          />
          <MultiSelect
            label={t("interactions.fields.contacts")}
            placeholder={draft.accountId ? undefined : t("interactions.pickAccountFirst")}
            disabled={!draft.accountId}
            data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
            value={draft.contactIds}
            onChange={(v) => set("contactIds", v)}
            searchable
            nothingFoundMessage={t("interactions.noContacts")}
            error={errors.contactIds}
          />
          <MultiSelect
            label={t("interactions.fields.users")}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={draft.userIds}
            onChange={(v) => set("userIds", v)}
            searchable
            error={errors.userIds}
          />
        </SimpleGrid>
        <Textarea label={t("interactions.fields.summary")} autosize minRows={3} value={draft.summary} onChange={(e) => set("summary", e.currentTarget.value)} error={errors.summary} />
        <Textarea label={t("interactions.fields.outcome")} autosize minRows={2} value={draft.outcome} onChange={(e) => set("outcome", e.currentTarget.value)} error={errors.outcome} />
        <TextInput label={t("interactions.fields.nextStep")} description={t("interactions.nextStepHint")} value={draft.nextStep} onChange={(e) => set("nextStep", e.currentTarget.value)} error={errors.nextStep} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t("common.cancel")}</Button>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
