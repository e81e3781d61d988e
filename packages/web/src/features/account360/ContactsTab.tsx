import { Button, Group, Paper } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { ContactsTable } from "../contacts/ContactsTable";
import { CreateContactModal } from "../contacts/CreateContactModal";
import { useAccountContacts } from "./account360.api";

export function ContactsTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const contacts = useAccountContacts(accountId);
  const [adding, { open, close }] = useDisclosure(false);
  const items = contacts.data?.items ?? [];
  return (
    <>
      {canWrite && items.length > 0 && (
        <Group justify="flex-end" mb="sm"><Button leftSection={<IconPlus size={16} />} onClick={open}>{t("contacts.new")}</Button></Group>
      )}
      <Paper withBorder radius="md">
        {contacts.isPending ? <TableSkeleton rows={4} /> : contacts.isError ? <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconUsers />} title={t("account360.noContacts")} description={t("account360.noContactsHint")}>
            {canWrite && <Button onClick={open}>{t("contacts.new")}</Button>}
          </EmptyHint>
        ) : <ContactsTable items={items} />}
      </Paper>
      <CreateContactModal opened={adding} onClose={close} accountId={accountId} />
    </>
  );
}
