import { Modal } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { createAccount, useAccountCache } from "./accounts.api";
import { AccountForm, EMPTY_ACCOUNT, type AccountFormValues } from "./AccountForm";

export function CreateAccountModal({ opened, onClose, currency }: { opened: boolean; onClose(): void; currency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useAccountCache();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(values: AccountFormValues) {
    setBusy(true);
    setErrors({});
    try {
      const account = await createAccount(values);
      cache.put(account);
      notifySaved(t("accounts.created", { name: account.name }));
      onClose();
      await navigate(`/accounts/${account.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("accounts.new")} size="lg">
      {opened && <AccountForm initial={{ ...EMPTY_ACCOUNT, currency }} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(v) => void submit(v)} onCancel={onClose} />}
    </Modal>
  );
}
