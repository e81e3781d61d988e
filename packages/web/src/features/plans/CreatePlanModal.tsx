import { Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import type { TPlanTemplate } from "@openkam/contracts";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { planLang, useCreatePlan, usePlanTemplates } from "./plans.api";
import { yearPeriod } from "./plan-format";

export function CreatePlanModal({ accountId, opened, onClose }: { accountId: string; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = planLang(i18n.language);
  const templates = usePlanTemplates(lang);
  const create = useCreatePlan(accountId);
  const navigate = useNavigate();
  const [templateKey, setTemplateKey] = useState<TPlanTemplate["key"]>("strategic");
  const [title, setTitle] = useState("");
  const [period, setPeriod] = useState(() => yearPeriod(new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (title.trim() === "") found.title = t("plans.errors.titleRequired");
    if (period.periodEnd < period.periodStart) found.periodEnd = t("plans.errors.periodOrder");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const plan = await create.mutateAsync({ templateKey, title: title.trim(), ...period, locale: lang });
      notifySaved(t("plans.created"));
      onClose();
      void navigate(`/accounts/${accountId}/plans/${plan.id}`);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
      notifyFailed(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("plans.new")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Radio.Group label={t("plans.fields.template")} value={templateKey} onChange={(v) => setTemplateKey(v as TPlanTemplate["key"])}>
            <Stack gap="xs" mt="xs">
              {(templates.data?.items ?? []).map((tpl) => (
                <Radio key={tpl.key} value={tpl.key} label={tpl.name} description={tpl.description} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label={t("plans.fields.title")} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} data-autofocus />
          <Group grow>
            <TextInput type="date" label={t("plans.fields.periodStart")} required value={period.periodStart} onChange={(e) => setPeriod({ ...period, periodStart: e.currentTarget.value })} error={errors.periodStart} />
            <TextInput type="date" label={t("plans.fields.periodEnd")} required value={period.periodEnd} onChange={(e) => setPeriod({ ...period, periodEnd: e.currentTarget.value })} error={errors.periodEnd} />
          </Group>
          <Text size="xs" c="dimmed">{t("plans.templateHint")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={create.isPending}>{t("plans.create")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
