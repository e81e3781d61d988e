import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { TContact } from "@openkam/contracts";
import { BUYING_ROLES } from "@openkam/domain/enums/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AccountPicker } from "../accounts/AccountPicker";

export type ContactFormValues = Pick<TContact, "accountId" | "name" | "title" | "department" | "email" | "phone" | "buyingRole" | "influence" | "attitude" | "notes">;

export const emptyContact = (accountId = ""): ContactFormValues => ({
  accountId, name: "", title: null, department: null, email: null, phone: null, buyingRole: null, influence: null, attitude: null, notes: null,
});

export function contactFormValues(c: TContact): ContactFormValues {
  const { accountId, name, title, department, email, phone, buyingRole, influence, attitude, notes } = c;
  return { accountId, name, title, department, email, phone, buyingRole, influence, attitude, notes };
}

const INFLUENCE = [1, 2, 3, 4, 5];
const ATTITUDE = [-2, -1, 0, 1, 2];

interface Props {
  initial: ContactFormValues;
  /** Fixed when adding from an account's page. */
  accountFixed?: boolean;
  accountName?: string | undefined;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit(values: ContactFormValues): void;
  onCancel(): void;
}

export function ContactForm({ initial, accountFixed, accountName, errors, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: "title" | "department" | "email" | "phone") => ({
    label: t(`contacts.fields.${key}`),
    value: values[key] ?? "",
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.currentTarget.value === "" ? null : e.currentTarget.value),
    error: errors[key],
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("contacts.fields.name")} required value={values.name} onChange={(e) => set("name", e.currentTarget.value)} error={errors.name} data-autofocus />
        {!accountFixed && (
          <AccountPicker label={t("contacts.fields.account")} required value={values.accountId || null} onChange={(id) => set("accountId", id ?? "")} error={errors.accountId} initialName={accountName} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput {...text("title")} />
          <TextInput {...text("department")} />
          <TextInput type="email" {...text("email")} />
          <TextInput type="tel" {...text("phone")} />
          <Select
            label={t("contacts.fields.buyingRole")}
            data={BUYING_ROLES.map((v) => ({ value: v, label: t(`enums.buyingRole.${v}`) }))}
            value={values.buyingRole}
            onChange={(v) => set("buyingRole", v as ContactFormValues["buyingRole"])}
            clearable
            error={errors.buyingRole}
          />
          <Select
            label={t("contacts.fields.influence")}
            data={INFLUENCE.map((v) => ({ value: String(v), label: t(`enums.influence.${v}`) }))}
            value={values.influence === null ? null : String(values.influence)}
            onChange={(v) => set("influence", v === null ? null : Number(v))}
            clearable
            error={errors.influence}
          />
          <Select
            label={t("contacts.fields.attitude")}
            data={ATTITUDE.map((v) => ({ value: String(v), label: t(`enums.attitude.${v}`) }))}
            value={values.attitude === null ? null : String(values.attitude)}
            onChange={(v) => set("attitude", v === null ? null : Number(v))}
            clearable
            error={errors.attitude}
          />
        </SimpleGrid>
        <Textarea label={t("contacts.fields.notes")} autosize minRows={2} value={values.notes ?? ""} onChange={(e) => set("notes", e.currentTarget.value === "" ? null : e.currentTarget.value)} error={errors.notes} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t("common.cancel")}</Button>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
