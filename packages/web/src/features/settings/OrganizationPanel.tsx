import { Button, Group, Paper, Select, Skeleton, Stack, TextInput } from "@mantine/core";
import type { TOrganization, TUpdateOrganizationRequest } from "@openkam/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
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
  const { busy, errors, run } = useFormSubmit();
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language, { month: "long" }).format(new Date(2024, m - 1, 1));

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const body: TUpdateOrganizationRequest = { ...values, version: org.version };
      const saved = await api.patch<TOrganization>("/api/organization", body);
      queryClient.setQueryData(["organization"], saved);
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifySaved();
    }, {
      // Someone else saved first: say so and show their values (the form remounts on the new version).
      onConflict: (error) => {
        notifyFailed(error);
        void queryClient.invalidateQueries({ queryKey: ["organization"] });
      },
    });
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
