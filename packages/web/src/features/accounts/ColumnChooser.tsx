import { Button, Checkbox, Popover, Stack } from "@mantine/core";
import { IconColumns } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ACCOUNT_COLUMNS, type AccountColumn } from "./list-state";

export function ColumnChooser({ columns, onChange }: { columns: AccountColumn[]; onChange(columns: AccountColumn[]): void }) {
  const { t } = useTranslation();
  const toggle = (column: AccountColumn, on: boolean) =>
    onChange(ACCOUNT_COLUMNS.filter((c) => (c === column ? on : columns.includes(c))));
  return (
    <Popover position="bottom-end" shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>{t("accounts.columnsButton")}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t("accounts.columnsButton")}>
          {ACCOUNT_COLUMNS.map((column) => (
            <Checkbox
              key={column}
              label={t(`accounts.columns.${column}`)}
              checked={columns.includes(column)}
              disabled={column === "name"}
              onChange={(e) => toggle(column, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
