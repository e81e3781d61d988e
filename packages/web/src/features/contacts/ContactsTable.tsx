import { Anchor, Badge, Table, Text } from "@mantine/core";
import type { TContact } from "@openkam/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { attitudeColor } from "../../lib/colors";

export function ContactsTable({ items }: { items: TContact[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("contacts.fields.name")}</Table.Th>
            <Table.Th>{t("contacts.fields.title")}</Table.Th>
            <Table.Th>{t("contacts.fields.email")}</Table.Th>
            <Table.Th>{t("contacts.fields.buyingRole")}</Table.Th>
            <Table.Th>{t("contacts.fields.influence")}</Table.Th>
            <Table.Th>{t("contacts.fields.attitude")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor component={Link} to={`/contacts/${c.id}`} fw={500}>{c.name}</Anchor></Table.Td>
              <Table.Td>{c.title ?? "—"}{c.department && <Text span c="dimmed" size="xs"> · {c.department}</Text>}</Table.Td>
              <Table.Td>{c.email ?? "—"}</Table.Td>
              <Table.Td>{c.buyingRole ? <Badge color="indigo">{t(`enums.buyingRole.${c.buyingRole}`)}</Badge> : "—"}</Table.Td>
              <Table.Td>{c.influence === null ? "—" : <span aria-label={t(`enums.influence.${c.influence}`)}>{"●".repeat(c.influence)}<Text span c="dimmed">{"○".repeat(5 - c.influence)}</Text></span>}</Table.Td>
              <Table.Td>{c.attitude === null ? "—" : <Badge color={attitudeColor(c.attitude)} variant="outline">{t(`enums.attitude.${c.attitude}`)}</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
