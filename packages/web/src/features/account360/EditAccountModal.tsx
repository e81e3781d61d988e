import { Modal } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConflictDialog } from "../../components/ConflictDialog";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { describeConflict, keepMine, type ConflictRow } from "../../lib/conflict";
import { updateAccount, useAccountCache } from "../accounts/accounts.api";
import { AccountForm, accountFormValues, changedFields, type AccountFormValues } from "../accounts/AccountForm";
import { useUserNames } from "../users/users.api";

interface Conflict {
  rows: ConflictRow[];
  patch: Partial<AccountFormValues>;
  current: TAccount;
}

/** Edits an account; when someone else saved it meanwhile, shows both versions and lets the user choose. */
export function EditAccountModal({ account, opened, onClose }: { account: TAccount; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const cache = useAccountCache();
  const names = useUserNames();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function save(base: TAccount, patch: Partial<AccountFormValues>, version: number) {
    setBusy(true);
    setErrors({});
    try {
      const saved = Object.keys(patch).length ? await updateAccount(base.id, version, patch) : base;
      cache.put(saved);
      setConflict(null);
      notifySaved();
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) {
        const current = error.current as TAccount;
        setConflict({ rows: describeConflict(accountFormValues(account), patch, accountFormValues(current)), patch, current });
      } else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        setErrors(error.fieldErrors);
        setConflict(null);
      } else {
        notifyFailed(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const formatValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "ownerUserId") return names.get(String(value)) ?? String(value);
    if (field === "tier" || field === "status" || field === "size") return t(`enums.${field}.${String(value)}`);
    return String(value);
  };

  return (
    <>
      <Modal opened={opened && !conflict} onClose={onClose} title={t("account360.editTitle", { name: account.name })} size="lg">
        {opened && (
          <AccountForm
            key={account.version}
            initial={accountFormValues(account)}
            errors={errors}
            busy={busy}
            submitLabel={t("common.save")}
            onSubmit={(values) => void save(account, changedFields(accountFormValues(account), values), account.version)}
            onCancel={onClose}
          />
        )}
      </Modal>
      <ConflictDialog
        rows={conflict?.rows ?? null}
        busy={busy}
        fieldLabel={(field) => t(`accounts.fields.${field === "ownerUserId" ? "owner" : field}`)}
        formatValue={formatValue}
        onKeepMine={() => {
          if (!conflict) return;
          const { version, ...patch } = keepMine(accountFormValues(account), conflict.patch, conflict.current);
          void save(conflict.current, patch, version);
        }}
        onTakeTheirs={() => {
          if (conflict) cache.put(conflict.current);
          setConflict(null);
          onClose();
        }}
      />
    </>
  );
}
