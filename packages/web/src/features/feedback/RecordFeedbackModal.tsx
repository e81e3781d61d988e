import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { TCreateFeedbackRequest } from "@openkam/contracts";
import { FEEDBACK_SEVERITIES } from "@openkam/domain/feedback/index";
import { IconMessageReport } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useAccountChoices } from "../programme/programme.api";
import { useUserOptions } from "../users/users.api";
import { createFeedback, useFeedbackRefresh } from "./feedback.api";

type Source = TCreateFeedbackRequest["source"];

interface Props {
  opened: boolean;
  onClose(): void;
  /** Fixed when recorded from an account, an interaction or a case. */
  accountId?: string;
  source?: { type: "interaction" | "case"; id: string };
  defaultTitle?: string;
}

/** Records what a customer said: by hand, from a pasted e-mail, or from the interaction or case it was said in. */
export function RecordFeedbackModal({ opened, onClose, accountId, source, defaultTitle = "" }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useFeedbackRefresh();
  const users = useUserOptions();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const accounts = useAccountChoices(debounced);
  const [kind, setKind] = useState<Source>(source?.type ?? "manual");
  const [values, setValues] = useState({
    accountId: accountId ?? null as string | null, title: defaultTitle, description: "", category: "", area: "", severity: "medium" as TCreateFeedbackRequest["severity"],
    ownerUserId: null as string | null, emailFrom: "", emailSentAt: "",
  });
  const { busy, errors, run } = useFormSubmit();
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const body: TCreateFeedbackRequest = {
        accountId: values.accountId ?? "", source: kind, title: values.title, severity: values.severity,
        description: values.description || null, category: values.category || null, area: values.area || null, ownerUserId: values.ownerUserId,
        ...(source ? { sourceId: source.id } : {}),
        ...(kind === "email" ? { emailFrom: values.emailFrom || null, emailSentAt: values.emailSentAt ? new Date(values.emailSentAt).toISOString() : null } : {}),
      };
      const item = await createFeedback(body);
      await refresh();
      notifySaved(t("feedback.recorded"));
      onClose();
      void navigate(`/feedback/${item.id}`);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("feedback.record")} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {!source && (
            <SegmentedControl
              aria-label={t("feedback.fields.source")} value={kind} onChange={(v) => setKind(v as Source)}
              data={(["manual", "email"] as const).map((v) => ({ value: v, label: t(`feedback.sourceEntry.${v}`) }))}
            />
          )}
          {!accountId && (
            <Select
              label={t("feedback.fields.account")} required searchable data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={values.accountId} onChange={(v) => set("accountId", v)} searchValue={search} onSearchChange={setSearch} error={errors.accountId}
              nothingFoundMessage={t("feedback.noAccountMatch")}
            />
          )}
          <TextInput label={t("feedback.fields.title")} description={t("feedback.fields.titleHint")} required value={values.title} onChange={(e) => set("title", e.currentTarget.value)} error={errors.title} data-autofocus />
          {kind === "email" && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("feedback.fields.emailFrom")} required value={values.emailFrom} onChange={(e) => set("emailFrom", e.currentTarget.value)} error={errors.emailFrom} />
              <TextInput label={t("feedback.fields.emailSentAt")} type="datetime-local" value={values.emailSentAt} onChange={(e) => set("emailSentAt", e.currentTarget.value)} error={errors.emailSentAt} />
            </SimpleGrid>
          )}
          <Textarea
            label={t(kind === "email" ? "feedback.fields.message" : "feedback.fields.description")} required={kind === "email"} rows={kind === "email" ? 6 : 3}
            value={values.description} onChange={(e) => set("description", e.currentTarget.value)} error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("feedback.fields.severity")} data={FEEDBACK_SEVERITIES.map((s) => ({ value: s, label: t(`feedback.severity.${s}`) }))} allowDeselect={false}
              value={values.severity} onChange={(v) => v && set("severity", v as typeof values.severity)}
            />
            <Select
              label={t("feedback.fields.owner")} placeholder={t("feedback.fields.ownerDefault")} searchable clearable
              data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={values.ownerUserId} onChange={(v) => set("ownerUserId", v)} error={errors.ownerUserId}
            />
            <TextInput label={t("feedback.fields.category")} placeholder={t("feedback.fields.categoryHint")} value={values.category} onChange={(e) => set("category", e.currentTarget.value)} error={errors.category} />
            <TextInput label={t("feedback.fields.area")} placeholder={t("feedback.fields.areaHint")} value={values.area} onChange={(e) => set("area", e.currentTarget.value)} error={errors.area} />
          </SimpleGrid>
          {errors.sourceId && <Text c="red" size="sm" role="alert">{errors.sourceId}</Text>}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("feedback.record")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The "Record feedback" button of an interaction or a case page. */
export function RecordFeedbackButton({ accountId, source, defaultTitle }: { accountId: string; source: { type: "interaction" | "case"; id: string }; defaultTitle?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" leftSection={<IconMessageReport size={16} />} onClick={() => setOpened(true)}>{t("feedback.record")}</Button>
      {opened && <RecordFeedbackModal opened onClose={() => setOpened(false)} accountId={accountId} source={source} defaultTitle={defaultTitle} />}
    </>
  );
}
