import { Modal } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { createAccount, useAccountCache } from "./accounts.api";
import { AccountForm, EMPTY_ACCOUNT, type AccountFormValues } from "./AccountForm";

export function CreateAccountModal({ opened, onClose, currency }: { opened: boolean; onClose(): void; currency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useAccountCache();
  const { busy, errors, run } = useFormSubmit();

  function submit(values: AccountFormValues) {
    return run(async () => {
      const account = await createAccount(values);
      cache.put(account);
      notifySaved(t("accounts.created", { name: account.name }));
      onClose();
      await navigate(`/accounts/${account.id}`);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("accounts.new")} size="lg">
      {opened && <AccountForm initial={{ ...EMPTY_ACCOUNT, currency }} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(v) => void submit(v)} onCancel={onClose} />}
    </Modal>
  );
}
