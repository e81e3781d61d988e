import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { SLA_PRIORITIES } from "@openkam/domain/service/sla-targets";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { AccountPicker } from "../accounts/AccountPicker";
import { useUserOptions } from "../users/users.api";
import { createCase, useServiceCache } from "./service.api";

interface Props {
  opened: boolean;
  onClose(): void;
  /** Opening from an account: the account is fixed. */
  accountId?: string;
}

/** Opens a case; its SLA clocks start now, and the case page shows them. */
export function NewCaseModal({ opened, onClose, accountId: fixedAccount }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useServiceCache();
  const users = useUserOptions();
  const { busy, errors, run, clearError } = useFormSubmit();
  const [accountId, setAccountId] = useState<string | null>(fixedAccount ?? null);
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState<string>("P2");
  const [description, setDescription] = useState("");
  const [assignee, setAssignee] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const missing = { accountId: !accountId, title: title.trim() === "" };

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (missing.accountId || missing.title) return;
    void run(async () => {
      const created = await createCase({ accountId: accountId!, title, priority: priority as "P1", description, assigneeUserId: assignee });
      cache.putCase(created);
      notifySaved(t("service.created"));
      onClose();
      setTitle("");
      setDescription("");
      setChecked(false);
      void navigate(`/cases/${created.id}`);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("service.new")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!fixedAccount && (
            <AccountPicker label={t("service.fields.account")} required value={accountId} onChange={(id) => { clearError("accountId"); setAccountId(id); }}
              error={checked && missing.accountId ? t("service.errors.required") : errors.accountId} />
          )}
          <TextInput label={t("service.fields.title")} required value={title} maxLength={200} data-autofocus
            onChange={(e) => { clearError("title"); setTitle(e.currentTarget.value); }}
            error={checked && missing.title ? t("service.errors.required") : errors.title} />
          <Select label={t("service.fields.priority")} data={SLA_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))}
            value={priority} onChange={(v) => v && setPriority(v)} allowDeselect={false} error={errors.priority} />
          <Select label={t("service.fields.assignee")} data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={assignee} onChange={setAssignee} clearable searchable error={errors.assigneeUserId} />
          <Textarea label={t("service.fields.description")} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} maxLength={10000} error={errors.description} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("service.open")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
