import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { TCreateOpportunityRequest, TOpportunity } from "@openkam/contracts";
import { OPPORTUNITY_STAGES, type OpportunityStage } from "@openkam/domain/growth/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { useUserOptions } from "../users/users.api";
import { createOpportunity, updateOpportunity, useWhitespace } from "./growth.api";

/** The default probability of each stage, applied when the stage changes. */
const STAGE_PROBABILITY: Record<OpportunityStage, number> = { qualify: 10, develop: 25, propose: 50, negotiate: 75, won: 100, lost: 0 };

interface Values {
  name: string;
  stage: OpportunityStage;
  value: string;
  currency: string;
  probability: number;
  expectedCloseDate: string | null;
  ownerUserId: string | null;
  productId: string | null;
  businessUnitId: string | null;
  notes: string | null;
}

export function OpportunityModal({ accountId, currency, opportunity, onClose, onSaved }: {
  accountId: string;
  currency: string;
  /** null: a new one. */
  opportunity: TOpportunity | null;
  onClose(): void;
  onSaved(): Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const users = useUserOptions();
  const map = useWhitespace(accountId);
  const [values, setValues] = useState<Values>(() => opportunity
    ? {
      name: opportunity.name, stage: opportunity.stage, value: opportunity.value, currency: opportunity.currency, probability: opportunity.probability,
      expectedCloseDate: opportunity.expectedCloseDate, ownerUserId: opportunity.ownerUserId, productId: opportunity.productId,
      businessUnitId: opportunity.businessUnitId, notes: opportunity.notes,
    }
    : { name: "", stage: "qualify", value: "", currency, probability: 10, expectedCloseDate: null, ownerUserId: me.user.id, productId: null, businessUnitId: null, notes: null });
  const { busy, errors, run, clearError } = useFormSubmit();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    clearError(key);
    setValues((v) => ({ ...v, [key]: value }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const body: TCreateOpportunityRequest = { ...values, value: values.value.trim() };
      if (opportunity) await updateOpportunity(opportunity.id, opportunity.version, body);
      else await createOpportunity(accountId, body);
      await onSaved();
      notifySaved(t("growth.opportunities.saved", { name: values.name }));
      onClose();
    });
  }

  return (
    <Modal opened onClose={onClose} title={t(opportunity ? "growth.opportunities.edit" : "growth.opportunities.new")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("growth.opportunities.fields.name")} required value={values.name} onChange={(e) => set("name", e.currentTarget.value)} error={errors.name} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t("growth.opportunities.fields.stage")}
              data={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`growth.stages.${s}`) }))}
              value={values.stage}
              onChange={(v) => { if (v) { set("stage", v as OpportunityStage); set("probability", STAGE_PROBABILITY[v as OpportunityStage]); } }}
              allowDeselect={false}
            />
            <TextInput label={t("growth.opportunities.fields.value")} required inputMode="decimal" value={values.value} onChange={(e) => set("value", e.currentTarget.value)} error={errors.value} />
            <TextInput label={t("growth.fields.currency")} required maxLength={3} value={values.currency} onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())} error={errors.currency} />
            <NumberInput
              label={t("growth.opportunities.fields.probability")} suffix="%" min={0} max={100} allowDecimal={false} clampBehavior="strict"
              value={values.probability} onChange={(v) => set("probability", typeof v === "number" ? v : 0)} error={errors.probability}
            />
            <TextInput label={t("growth.opportunities.fields.expectedCloseDate")} type="date" value={values.expectedCloseDate ?? ""} onChange={(e) => set("expectedCloseDate", e.currentTarget.value || null)} error={errors.expectedCloseDate} />
            <Select
              label={t("growth.fields.owner")} searchable clearable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={values.ownerUserId} onChange={(v) => set("ownerUserId", v)} error={errors.ownerUserId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("growth.opportunities.fields.product")} searchable clearable limit={50}
              data={(map.data?.products ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }))}
              value={values.productId} onChange={(v) => set("productId", v)} error={errors.productId}
            />
            <Select
              label={t("growth.opportunities.fields.businessUnit")} clearable
              data={(map.data?.businessUnits ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={values.businessUnitId} onChange={(v) => set("businessUnitId", v)} error={errors.businessUnitId}
            />
          </SimpleGrid>
          <Textarea label={t("growth.fields.notes")} rows={3} value={values.notes ?? ""} onChange={(e) => set("notes", e.currentTarget.value || null)} error={errors.notes} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t(opportunity ? "common.save" : "common.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
