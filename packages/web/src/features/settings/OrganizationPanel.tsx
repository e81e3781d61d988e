import { Button, Group, Paper, Select, Skeleton, Stack, TextInput } from "@mantine/core";
import type { TOrganization, TUpdateOrganizationRequest } from "@openkam/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { api } from "../../lib/api/client";
import { ME_KEY } from "../auth/auth.api";

export function OrganizationPanel() {
  const org = useQuery({ queryKey: ["organization"], queryFn: () => api.get<TOrganization>("/api/organization") });
  if (org.isError) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Skeleton height={300} maw={560} />;
  return <OrganizationForm key={org.data.version} org={org.data} />;
}

function OrganizationForm({ org }: { org: TOrganization }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: org.name, defaultCurrency: org.defaultCurrency, fiscalYearStartMonth: org.fiscalYearStartMonth, timezone: org.timezone });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: "long" }).format(new Date(2024, m - 1, 1));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const body: TUpdateOrganizationRequest = { ...values, version: org.version };
      const saved = await api.patch<TOrganization>("/api/organization", body);
      queryClient.setQueryData(["organization"], saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifySaved();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) {
        notifyFailed(error);
        void queryClient.invalidateQueries({ queryKey: ["organization"] });
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("settings.organization.name")} required value={values.name} onChange={(e) => setValues({ ...values, name: e.currentTarget.value })} error={errors.name} />
          <TextInput label={t("settings.organization.currency")} description={t("settings.organization.currencyHint")} maxLength={3} value={values.defaultCurrency} onChange={(e) => setValues({ ...values, defaultCurrency: e.currentTarget.value.toUpperCase() })} error={errors.defaultCurrency} />
          <Select
            label={t("settings.organization.fiscalYearStart")}
            data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }))}
            value={String(values.fiscalYearStartMonth)}
            onChange={(v) => v && setValues({ ...values, fiscalYearStartMonth: Number(v) })}
            allowDeselect={false}
            error={errors.fiscalYearStartMonth}
          />
          <TextInput label={t("settings.organization.timezone")} value={values.timezone} onChange={(e) => setValues({ ...values, timezone: e.currentTarget.value })} error={errors.timezone} />
          <Group justify="flex-end"><Button type="submit" loading={busy}>{t("common.save")}</Button></Group>
        </Stack>
      </form>
    </Paper>
  );
}
