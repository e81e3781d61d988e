import { ActionIcon, Alert, Anchor, Avatar, Button, CloseButton, Divider, Group, Paper, Rating, Select, Stack, Text, Title, Tooltip } from "@mantine/core";
import { BUYING_ROLES, type BuyingRole } from "@openkam/domain/enums/index";
import { IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { confirmAction } from "../../components/confirm";
import { notifyFailed, notifySaved } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { formatDate } from "../../lib/format";
import { initials } from "../../lib/initials";
import { useUserOptions } from "../users/users.api";
import { patchContact, putRelationship, removeRelationship, type MapContact } from "./stakeholders.api";
import { ATTITUDES, INFLUENCES } from "./stakeholder-style";

interface Props {
  contact: MapContact;
  contacts: readonly MapContact[];
  canWrite: boolean;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
  /** Sets or clears the reporting line; shared with the map's drag and drop. */
  onReportsTo: (contactId: string, managerId: string | null) => void;
}

/** The selected contact: their part in the decision, and who on our side knows them how well. */
export function ContactPanel({ contact, contacts, canWrite, onClose, onChanged, onReportsTo }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const [role, setRole] = useState<string | null>(contact.buyingRole);
  const [attitude, setAttitude] = useState<string | null>(contact.attitude === null ? null : String(contact.attitude));
  const [influence, setInfluence] = useState<string | null>(contact.influence === null ? null : String(contact.influence));
  const [saving, setSaving] = useState(false);
  const [newOwner, setNewOwner] = useState<string | null>(null);
  const [newStrength, setNewStrength] = useState(3);
  const [busyOwner, setBusyOwner] = useState<string | null>(null);

  // Another contact selected, or the data refreshed after a save: show what is stored.
  useEffect(() => {
    setRole(contact.buyingRole);
    setAttitude(contact.attitude === null ? null : String(contact.attitude));
    setInfluence(contact.influence === null ? null : String(contact.influence));
  }, [contact.id, contact.buyingRole, contact.attitude, contact.influence]);

  const dirty = role !== contact.buyingRole || attitude !== (contact.attitude === null ? null : String(contact.attitude))
    || influence !== (contact.influence === null ? null : String(contact.influence));

  async function saveRoles() {
    setSaving(true);
    try {
      await patchContact(contact.id, {
        buyingRole: role as BuyingRole | null,
        attitude: attitude === null ? null : Number(attitude),
        influence: influence === null ? null : Number(influence),
      });
      await onChanged();
      notifySaved();
    } catch (error) {
      notifyFailed(error);
    } finally {
      setSaving(false);
    }
  }

  async function withOwner(userId: string, action: () => Promise<unknown>) {
    setBusyOwner(userId);
    try {
      await action();
      await onChanged();
      notifySaved();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) await onChanged();
      notifyFailed(error);
    } finally {
      setBusyOwner(null);
    }
  }

  const owners = new Set(contact.relationships.map((r) => r.userId));
  const userChoices = (users.data?.items ?? []).filter((u) => !owners.has(u.id)).map((u) => ({ value: u.id, label: u.name }));
  const managerChoices = contacts.filter((c) => c.id !== contact.id).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));

  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-label={t("stakeholders.panelLabel", { name: contact.name })}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={0}>
          <Title order={3} size="h4">{contact.name}</Title>
          <Text size="sm" c="dimmed">{[contact.title, contact.department].filter(Boolean).join(" · ") || "—"}</Text>
          <Text size="xs" c="dimmed">{t("stakeholders.lastMet")}: {contact.lastMetAt ? formatDate(contact.lastMetAt) : t("stakeholders.never")}</Text>
        </Stack>
        <CloseButton aria-label={t("common.close")} onClick={onClose} />
      </Group>
      <Anchor component={Link} to={`/contacts/${contact.id}`} size="xs">{t("stakeholders.openContact")}</Anchor>

      <Stack gap="xs" mt="md">
        <Select
          label={t("contacts.fields.buyingRole")} value={role} onChange={setRole} clearable disabled={!canWrite}
          data={BUYING_ROLES.map((r) => ({ value: r, label: t(`enums.buyingRole.${r}`) }))}
        />
        <Select
          label={t("contacts.fields.attitude")} value={attitude} onChange={setAttitude} clearable disabled={!canWrite}
          data={ATTITUDES.map((a) => ({ value: String(a), label: t(`enums.attitude.${a}`) }))}
        />
        <Select
          label={t("contacts.fields.influence")} value={influence} onChange={setInfluence} clearable disabled={!canWrite}
          data={INFLUENCES.map((i) => ({ value: String(i), label: t(`enums.influence.${i}`) }))}
        />
        {canWrite && <Button onClick={() => void saveRoles()} loading={saving} disabled={!dirty}>{t("common.save")}</Button>}
        <Select
          label={t("stakeholders.reportsTo")} description={t("stakeholders.reportsToHint")}
          value={contact.reportsToContactId} clearable searchable disabled={!canWrite}
          data={managerChoices} nothingFoundMessage={t("stakeholders.noMatch")}
          onChange={(value) => { if (value !== contact.reportsToContactId) onReportsTo(contact.id, value); }}
        />
      </Stack>

      <Divider my="md" label={t("stakeholders.owners")} labelPosition="left" />
      <Stack gap="xs">
        {contact.relationships.length === 0 && <Alert color="orange" variant="light">{t("stakeholders.noOwnerHint")}</Alert>}
        {contact.relationships.map((r) => (
          <Group key={r.userId} justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Avatar size="sm" radius="xl" color="blue">{initials(r.userName)}</Avatar>
              <Stack gap={0}>
                <Text size="sm">{r.userName}</Text>
                {r.lastMetAt && <Text size="xs" c="dimmed">{t("stakeholders.lastMet")}: {formatDate(r.lastMetAt)}</Text>}
              </Stack>
            </Group>
            <Group gap={4} wrap="nowrap">
              <Rating
                value={r.strength} readOnly={!canWrite || busyOwner === r.userId} aria-label={t("stakeholders.strengthOf", { name: r.userName })}
                onChange={(strength) => void withOwner(r.userId, () => putRelationship(contact.id, r.userId, { strength, version: r.version }))}
              />
              {canWrite && (
                <Tooltip label={t("stakeholders.removeOwner")}>
                  <ActionIcon
                    variant="subtle" color="red" aria-label={t("stakeholders.removeOwnerOf", { name: r.userName })} loading={busyOwner === r.userId}
                    onClick={() => void confirmAction({
                      title: t("stakeholders.removeOwnerTitle"), message: t("stakeholders.removeOwnerText", { user: r.userName, contact: contact.name }),
                      confirmLabel: t("stakeholders.removeOwner"), danger: true,
                    }).then((ok) => { if (ok) void withOwner(r.userId, () => removeRelationship(contact.id, r)); })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Group>
        ))}
        {canWrite && (
          <Stack gap={6} mt="xs">
            <Select
              label={t("stakeholders.addOwner")} placeholder={t("stakeholders.pickUser")} searchable value={newOwner} onChange={setNewOwner}
              data={userChoices} nothingFoundMessage={t("stakeholders.noMatch")}
            />
            <Group justify="space-between">
              <Group gap="xs">
                <Text size="sm">{t("stakeholders.strength")}</Text>
                <Rating value={newStrength} onChange={setNewStrength} aria-label={t("stakeholders.strength")} />
              </Group>
              <Button
                size="xs" disabled={!newOwner} loading={newOwner !== null && busyOwner === newOwner}
                onClick={() => newOwner && void withOwner(newOwner, async () => {
                  await putRelationship(contact.id, newOwner, { strength: newStrength, version: 0 });
                  setNewOwner(null);
                })}
              >
                {t("stakeholders.add")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
