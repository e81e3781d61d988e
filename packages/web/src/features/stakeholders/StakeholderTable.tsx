import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import type { MapContact } from "./stakeholders.api";
import { attitudeShade, buyingRoleColor } from "./stakeholder-style";

/** The map as a table, for keyboard and screen-reader users and for scanning a large account. */
export function StakeholderTable({ contacts, selectedId, onSelect }: { contacts: readonly MapContact[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t("stakeholders.tableLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("contacts.fields.name")}</Table.Th>
            <Table.Th>{t("contacts.fields.buyingRole")}</Table.Th>
            <Table.Th>{t("contacts.fields.influence")}</Table.Th>
            <Table.Th>{t("contacts.fields.attitude")}</Table.Th>
            <Table.Th>{t("stakeholders.reportsTo")}</Table.Th>
            <Table.Th>{t("stakeholders.owners")}</Table.Th>
            <Table.Th>{t("stakeholders.lastMet")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id} bg={c.id === selectedId ? "var(--mantine-color-blue-light)" : undefined}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onSelect(c.id)} aria-current={c.id === selectedId ? "true" : undefined}>{c.name}</Anchor>
                {c.title && <Text size="xs" c="dimmed">{c.title}</Text>}
              </Table.Td>
              <Table.Td>{c.buyingRole ? <Badge size="sm" color={buyingRoleColor(c.buyingRole)}>{t(`enums.buyingRole.${c.buyingRole}`)}</Badge> : "—"}</Table.Td>
              <Table.Td>{c.influence === null ? "—" : t(`enums.influence.${c.influence}`)}</Table.Td>
              <Table.Td>{c.attitude === null ? "—" : <Badge size="sm" variant="dot" color={attitudeShade(c.attitude)}>{t(`enums.attitude.${c.attitude}`)}</Badge>}</Table.Td>
              <Table.Td>{c.reportsToContactId ? names.get(c.reportsToContactId) ?? "—" : "—"}</Table.Td>
              <Table.Td>
                {c.relationships.length === 0 ? <Text size="xs" c="red.8">{t("stakeholders.noOwner")}</Text> : (
                  <Group gap={4}>{c.relationships.map((r) => <Badge key={r.userId} size="sm" variant="light">{r.userName} · {r.strength}/5</Badge>)}</Group>
                )}
              </Table.Td>
              <Table.Td>{c.lastMetAt ? formatDate(c.lastMetAt) : t("stakeholders.never")}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
