import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { TCreateInitiativeRequest, TInitiative } from "@openkam/contracts";
import { INITIATIVE_STATUSES, INITIATIVE_VALUE_KINDS, type InitiativeStatus, type InitiativeValueKind } from "@openkam/domain/growth/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { useAccountContacts } from "../account360/account360.api";
import { useUserOptions } from "../users/users.api";
import { createInitiative, updateInitiative } from "./growth.api";

interface Values {
  title: string;
  description: string | null;
  status: InitiativeStatus;
  valueKind: InitiativeValueKind;
  customerContactId: string | null;
  ownerUserId: string | null;
  currency: string;
  valuePromised: string;
  valueDelivered: string;
  investment: string;
  startDate: string | null;
  targetDate: string | null;
}

export function InitiativeModal({ accountId, currency, initiative, onClose, onSaved }: {
  accountId: string; currency: string; initiative: TInitiative | null; onClose(): void; onSaved(): Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const users = useUserOptions();
  const contacts = useAccountContacts(accountId);
  const [values, setValues] = useState<Values>(() => initiative
    ? {
      title: initiative.title, description: initiative.description, status: initiative.status, valueKind: initiative.valueKind,
      customerContactId: initiative.customerContactId, ownerUserId: initiative.ownerUserId, currency: initiative.currency,
      valuePromised: initiative.valuePromised, valueDelivered: initiative.valueDelivered, investment: initiative.investment,
      startDate: initiative.startDate, targetDate: initiative.targetDate,
    }
    : {
      title: "", description: null, status: "proposed", valueKind: "cost_saved", customerContactId: null, ownerUserId: me.user.id, currency,
      valuePromised: "0", valueDelivered: "0", investment: "0", startDate: null, targetDate: null,
    });
  const { busy, errors, run, clearError } = useFormSubmit();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    clearError(key);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const money = (key: "valuePromised" | "valueDelivered" | "investment") => (
    <TextInput label={t(`growth.initiatives.fields.${key}`)} inputMode="decimal" value={values[key]} onChange={(e) => set(key, e.currentTarget.value)} error={errors[key]} />
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const body: TCreateInitiativeRequest = values;
      if (initiative) await updateInitiative(initiative.id, initiative.version, body);
      else await createInitiative(accountId, body);
      await onSaved();
      notifySaved(t("growth.initiatives.saved", { title: values.title }));
      onClose();
    });
  }

  return (
    <Modal opened onClose={onClose} title={t(initiative ? "growth.initiatives.edit" : "growth.initiatives.new")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("growth.initiatives.fields.title")} required value={values.title} onChange={(e) => set("title", e.currentTarget.value)} error={errors.title} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t("growth.initiatives.fields.status")} allowDeselect={false} value={values.status} onChange={(v) => v && set("status", v as InitiativeStatus)}
              data={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`growth.initiatives.statuses.${s}`) }))} />
            <Select label={t("growth.initiatives.fields.valueKind")} allowDeselect={false} value={values.valueKind} onChange={(v) => v && set("valueKind", v as InitiativeValueKind)}
              data={INITIATIVE_VALUE_KINDS.map((k) => ({ value: k, label: t(`growth.initiatives.valueKinds.${k}`) }))} />
            <TextInput label={t("growth.fields.currency")} maxLength={3} value={values.currency} onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())} error={errors.currency} />
            {money("valuePromised")}
            {money("valueDelivered")}
            {money("investment")}
            <Select label={t("growth.initiatives.fields.customerOwner")} searchable clearable value={values.customerContactId} onChange={(v) => set("customerContactId", v)} error={errors.customerContactId}
              data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            <Select label={t("growth.fields.owner")} searchable clearable value={values.ownerUserId} onChange={(v) => set("ownerUserId", v)} error={errors.ownerUserId}
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            <div />
            <TextInput label={t("growth.initiatives.fields.startDate")} type="date" value={values.startDate ?? ""} onChange={(e) => set("startDate", e.currentTarget.value || null)} error={errors.startDate} />
            <TextInput label={t("growth.initiatives.fields.targetDate")} type="date" value={values.targetDate ?? ""} onChange={(e) => set("targetDate", e.currentTarget.value || null)} error={errors.targetDate} />
          </SimpleGrid>
          <Textarea label={t("growth.initiatives.fields.description")} rows={3} value={values.description ?? ""} onChange={(e) => set("description", e.currentTarget.value || null)} error={errors.description} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t(initiative ? "common.save" : "common.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
