import { Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUserOptions } from "../users/users.api";

export type AccountFormValues = Pick<TAccount, "name" | "legalName" | "industry" | "region" | "country" | "currency" | "size" | "tier" | "status" | "ownerUserId">;

export const EMPTY_ACCOUNT: AccountFormValues = {
  name: "", legalName: null, industry: null, region: null, country: null, currency: "CNY", size: null, tier: "standard", status: "active", ownerUserId: null,
};

export function accountFormValues(account: TAccount): AccountFormValues {
  const { name, legalName, industry, region, country, currency, size, tier, status, ownerUserId } = account;
  return { name, legalName, industry, region, country, currency, size, tier, status, ownerUserId };
}

/** Only the fields the user changed, so a save does not overwrite others' edits of other fields. */
export function changedFields(base: AccountFormValues, values: AccountFormValues): Partial<AccountFormValues> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k as keyof AccountFormValues]))) as Partial<AccountFormValues>;
}

interface Props {
  initial: AccountFormValues;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit(values: AccountFormValues): void;
  onCancel(): void;
}

export function AccountForm({ initial, errors, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const [values, setValues] = useState(initial);
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: "legalName" | "industry" | "region" | "country") => ({
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
        <TextInput label={t("accounts.fields.name")} required value={values.name} onChange={(e) => set("name", e.currentTarget.value)} error={errors.name} data-autofocus />
        <TextInput label={t("accounts.fields.legalName")} {...text("legalName")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t("accounts.fields.tier")} data={ACCOUNT_TIERS.map((v) => ({ value: v, label: t(`enums.tier.${v}`) }))} value={values.tier} onChange={(v) => v && set("tier", v as AccountFormValues["tier"])} allowDeselect={false} error={errors.tier} />
          <Select label={t("accounts.fields.status")} data={ACCOUNT_STATUSES.map((v) => ({ value: v, label: t(`enums.status.${v}`) }))} value={values.status} onChange={(v) => v && set("status", v as AccountFormValues["status"])} allowDeselect={false} error={errors.status} />
          <TextInput label={t("accounts.fields.industry")} {...text("industry")} />
          <TextInput label={t("accounts.fields.region")} {...text("region")} />
          <TextInput label={t("accounts.fields.country")} description={t("accounts.fields.countryHint")} maxLength={2} {...text("country")} />
          <TextInput label={t("accounts.fields.currency")} required maxLength={3} value={values.currency} onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())} error={errors.currency} />
          <Select label={t("accounts.fields.size")} data={ACCOUNT_SIZES.map((v) => ({ value: v, label: t(`enums.size.${v}`) }))} value={values.size} onChange={(v) => set("size", v as AccountFormValues["size"])} clearable error={errors.size} />
          <Select label={t("accounts.fields.owner")} data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={values.ownerUserId} onChange={(v) => set("ownerUserId", v)} searchable clearable error={errors.ownerUserId} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t("common.cancel")}</Button>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
