import { Modal } from "@mantine/core";
import type { TContact } from "@openkam/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { createContact } from "./contacts.api";
import { ContactForm, emptyContact, type ContactFormValues } from "./ContactForm";

interface Props {
  opened: boolean;
  onClose(): void;
  /** Set when adding from an account's page: the contact belongs to it. */
  accountId?: string;
  onCreated?(contact: TContact): void;
}

export function CreateContactModal({ opened, onClose, accountId, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, errors, run } = useFormSubmit();

  function submit(values: ContactFormValues) {
    return run(async () => {
      const contact = await createContact(values);
      await queryClient.invalidateQueries({ queryKey: ["contacts"] });
      void queryClient.invalidateQueries({ queryKey: ["summary", contact.accountId] });
      notifySaved(t("contacts.created", { name: contact.name }));
      onClose();
      onCreated?.(contact);
    });
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("contacts.new")} size="lg">
      {opened && (
        <ContactForm initial={emptyContact(accountId)} accountFixed={accountId !== undefined} errors={errors} busy={busy} submitLabel={t("common.create")} onSubmit={(v) => void submit(v)} onCancel={onClose} />
      )}
    </Modal>
  );
}
