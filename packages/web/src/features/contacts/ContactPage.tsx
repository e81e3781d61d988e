import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { TContact } from "@openkam/contracts";
import { IconPencil, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ConflictDialog } from "../../components/ConflictDialog";
import { ErrorState } from "../../components/ErrorState";
import { useFormSubmit } from "../../components/useFormSubmit";
import { notifyFailed, notifySaved } from "../../components/notify";
import { usePageTitle } from "../../components/usePageTitle";
import { attitudeColor } from "../../lib/colors";
import { describeConflict, keepMine, type ConflictRow } from "../../lib/conflict";
import { formatDateTime } from "../../lib/format";
import { useAccount } from "../accounts/accounts.api";
import { useSession } from "../auth/session-context";
import { restoreContact, updateContact, useContact } from "./contacts.api";
import { DeleteContactModal } from "./DeleteContactModal";
import { ContactForm, contactFormValues, type ContactFormValues } from "./ContactForm";

const changed = (base: ContactFormValues, values: ContactFormValues) =>
  Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k as keyof ContactFormValues]))) as Partial<ContactFormValues>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

export function ContactPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const contact = useContact(id);
  const account = useAccount(contact.data?.accountId ?? "");
  const [editing, { open, close }] = useDisclosure(false);
  const [deleting, { open: openDelete, close: closeDelete }] = useDisclosure(false);
  const { busy, errors, run } = useFormSubmit();
  const [conflict, setConflict] = useState<{ rows: ConflictRow[]; patch: Partial<ContactFormValues>; current: TContact } | null>(null);
  usePageTitle(contact.data?.name);

  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  if (!contact.data) return <Stack><Skeleton height={36} width="30%" /><Skeleton height={200} /></Stack>;
  const c = contact.data;

  const put = (saved: TContact) => {
    queryClient.setQueryData(["contacts", "one", saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ["contacts", "list"] });
  };

  function save(patch: Partial<ContactFormValues>, version: number) {
    return run(async () => {
      const saved = Object.keys(patch).length ? await updateContact(c.id, version, patch) : c;
      put(saved);
      setConflict(null);
      notifySaved();
      close();
    }, {
      onConflict: (error) => {
        const current = error.current as TContact;
        setConflict({ rows: describeConflict(contactFormValues(c), patch, contactFormValues(current)), patch, current });
      },
    });
  }

  async function deleted() {
    try {
      await queryClient.invalidateQueries({ queryKey: ["contacts"] });
      await queryClient.invalidateQueries({ queryKey: ["stakeholder-map"] });
      notifications.show({
        color: "teal",
        message: (
          <Group gap="xs">
            {t("contacts.deleted", { name: c.name })}
            <Anchor size="sm" component="button" onClick={() => void restoreContact(c.id).then(() => navigate(`/contacts/${c.id}`), notifyFailed)}>{t("common.undo")}</Anchor>
          </Group>
        ),
        autoClose: 8000,
      });
      await navigate("/contacts");
    } catch (error) {
      notifyFailed(error);
    }
  }

  const canWrite = me.role !== "viewer";
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/contacts" size="sm">{t("contacts.title")}</Anchor>
        <Text size="sm">{c.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" mb="md">
        <Stack gap={4}>
          <Title order={1} size="h2">{c.name}</Title>
          <Text c="dimmed" size="sm">
            {[c.title, c.department].filter(Boolean).join(" · ")}
            {account.data && <> · <Anchor component={Link} to={`/accounts/${c.accountId}?tab=contacts`} size="sm">{account.data.name}</Anchor></>}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs">
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={openDelete}>{t("common.delete")}</Button>
            <Button leftSection={<IconPencil size={16} />} onClick={open}>{t("common.edit")}</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
          <Field label={t("contacts.fields.email")}>{c.email ? <Anchor href={`mailto:${c.email}`} size="sm">{c.email}</Anchor> : "—"}</Field>
          <Field label={t("contacts.fields.phone")}>{c.phone ?? "—"}</Field>
          <Field label={t("contacts.fields.buyingRole")}>{c.buyingRole ? <Badge color="indigo">{t(`enums.buyingRole.${c.buyingRole}`)}</Badge> : "—"}</Field>
          <Field label={t("contacts.fields.influence")}>{c.influence === null ? "—" : t(`enums.influence.${c.influence}`)}</Field>
          <Field label={t("contacts.fields.attitude")}>{c.attitude === null ? "—" : <Badge color={attitudeColor(c.attitude)} variant="outline">{t(`enums.attitude.${c.attitude}`)}</Badge>}</Field>
          <Field label={t("contacts.updated")}>{formatDateTime(c.updatedAt)}</Field>
        </SimpleGrid>
        {c.notes && <><Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="lg">{t("contacts.fields.notes")}</Text><Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{c.notes}</Text></>}
      </Paper>
      <Modal opened={editing && !conflict} onClose={close} title={t("contacts.editTitle", { name: c.name })} size="lg">
        {editing && (
          <ContactForm key={c.version} initial={contactFormValues(c)} accountName={account.data?.name} errors={errors} busy={busy} submitLabel={t("common.save")} onSubmit={(v) => void save(changed(contactFormValues(c), v), c.version)} onCancel={close} />
        )}
      </Modal>
      <ConflictDialog
        rows={conflict?.rows ?? null}
        busy={busy}
        fieldLabel={(f) => t(`contacts.fields.${f === "accountId" ? "account" : f}`)}
        formatValue={(f, v) => (v === null || v === undefined || v === "" ? "—" : f === "buyingRole" ? t(`enums.buyingRole.${String(v)}`) : String(v))}
        onKeepMine={() => {
          if (!conflict) return;
          const { version, ...patch } = keepMine(contactFormValues(c), conflict.patch, conflict.current);
          void save(patch, version);
        }}
        onTakeTheirs={() => {
          if (conflict) put(conflict.current);
          setConflict(null);
          close();
        }}
      />
      {canWrite && <DeleteContactModal contact={c} opened={deleting} onClose={closeDelete} onDeleted={deleted} />}
    </>
  );
}
