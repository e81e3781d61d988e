import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from "@mantine/core";
import type { TContact, TContactDependents } from "@openkam/contracts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyFailed } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { useAccountContacts } from "../account360/account360.api";
import { deleteContact } from "./contacts.api";

type Choice = "delete" | "transfer";

/**
 * Asks before deleting a contact; when the server answers that the contact owns relationships or
 * has direct reports, asks what becomes of them: deleted, or handed to another contact.
 */
export function DeleteContactModal({ contact, opened, onClose, onDeleted }: { contact: TContact; opened: boolean; onClose: () => void; onDeleted: () => Promise<void> }) {
  const { t } = useTranslation();
  const [dependents, setDependents] = useState<TContactDependents | null>(null);
  const [choice, setChoice] = useState<Choice>("transfer");
  const [to, setTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const colleagues = useAccountContacts(contact.accountId);

  useEffect(() => {
    if (!opened) return;
    setDependents(null);
    setChoice("transfer");
    setTo(null);
    setError(null);
  }, [opened]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteContact(contact.id, dependents ? (choice === "transfer" ? { relationships: "transfer", to: to ?? undefined } : { relationships: "delete" }) : {});
      await onDeleted();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONTACT_HAS_RELATIONSHIPS") setDependents(e.current as TContactDependents);
      else if (e instanceof ApiError && e.fieldErrors.to) setError(e.fieldErrors.to);
      else notifyFailed(e);
    } finally {
      setBusy(false);
    }
  }

  const others = (colleagues.data?.items ?? []).filter((c) => c.id !== contact.id).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));
  return (
    <Modal opened={opened} onClose={onClose} title={t("contacts.deleteTitle")} centered>
      <Stack>
        <Text size="sm">{t("contacts.deleteText", { name: contact.name })}</Text>
        {dependents && (
          <>
            <Alert color="orange" variant="light" title={t("contactDelete.hasDependents")}>
              {t("contactDelete.counts", { name: contact.name, relationships: dependents.relationships, reports: dependents.directReports })}
            </Alert>
            <Radio.Group value={choice} onChange={(v) => setChoice(v as Choice)} label={t("contactDelete.question")}>
              <Stack gap="xs" mt="xs">
                <Radio value="transfer" label={t("contactDelete.transfer")} description={t("contactDelete.transferHint")} />
                <Radio value="delete" label={t("contactDelete.delete")} description={t("contactDelete.deleteHint")} />
              </Stack>
            </Radio.Group>
            {choice === "transfer" && (
              <Select
                label={t("contactDelete.to")} placeholder={t("contactDelete.pick")} searchable data={others} value={to} onChange={setTo}
                error={error} nothingFoundMessage={t("contactDelete.noOther")} required
              />
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button color="red" loading={busy} disabled={dependents !== null && choice === "transfer" && !to} onClick={() => void confirm()}>
            {t("common.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
