import { Alert, Badge, Button, Group, Modal, Table, Text } from "@mantine/core";
import { IconGitMerge } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ConflictRow } from "../lib/conflict";

interface Props {
  rows: ConflictRow[] | null;
  fieldLabel(field: string): string;
  formatValue(field: string, value: unknown): string;
  busy?: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
}

/** Someone saved the record while the user edited it: shows both versions, field by field, and lets the user choose. */
export function ConflictDialog({ rows, fieldLabel, formatValue, busy, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={rows !== null} onClose={onTakeTheirs} title={t("conflict.title")} size="lg" centered>
      <Alert icon={<IconGitMerge size={18} />} color="orange" mb="md">{t("conflict.explain")}</Alert>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("conflict.field")}</Table.Th>
            <Table.Th>{t("conflict.mine")}</Table.Th>
            <Table.Th>{t("conflict.theirs")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rows ?? []).map((row) => (
            <Table.Tr key={row.field}>
              <Table.Td>
                <Text size="sm" fw={500}>{fieldLabel(row.field)}</Text>
                {row.clash && <Badge color="red" size="xs">{t("conflict.bothChanged")}</Badge>}
              </Table.Td>
              <Table.Td fw={row.iChanged ? 600 : undefined}>{formatValue(row.field, row.mine)}</Table.Td>
              <Table.Td fw={row.theyChanged ? 600 : undefined}>{formatValue(row.field, row.theirs)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onTakeTheirs}>{t("conflict.takeTheirs")}</Button>
        <Button loading={busy} onClick={onKeepMine}>{t("conflict.keepMine")}</Button>
      </Group>
    </Modal>
  );
}
