import { Button, Divider, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { ORDER_STATUSES } from "@openkam/domain/enums/index";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AccountPicker } from "../accounts/AccountPicker";
import { LineEditor } from "./LineEditor";
import { validateOrder, type OrderDraft } from "./order-draft";

interface Props {
  initial: OrderDraft;
  accountName?: string | undefined;
  /** Messages from the API, keyed by field ("lines.0.quantity"). */
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit(draft: OrderDraft): void;
  onCancel(): void;
}

export function OrderForm({ initial, accountName, errors: apiErrors, busy, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...apiErrors, ...localErrors };
  const set = <K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateOrder(draft);
    setLocalErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length === 0) onSubmit(draft);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <AccountPicker label={t("orderList.fields.account")} required value={draft.accountId || null} onChange={(id) => set("accountId", id ?? "")} error={errors.accountId} initialName={accountName} />
          <TextInput label={t("orderList.fields.orderDate")} type="date" required value={draft.orderDate} onChange={(e) => set("orderDate", e.currentTarget.value)} error={errors.orderDate} />
          <TextInput
            label={t("orderList.fields.currency")}
            description={t("orderList.currencyHint")}
            placeholder="CNY"
            maxLength={3}
            value={draft.currency}
            onChange={(e) => set("currency", e.currentTarget.value.toUpperCase())}
            error={errors.currency}
          />
          <Select
            label={t("orderList.fields.status")}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`enums.orderStatus.${s}`) }))}
            value={draft.status}
            onChange={(v) => v && set("status", v as OrderDraft["status"])}
            allowDeselect={false}
          />
          <TextInput label={t("orderList.fields.externalId")} value={draft.externalId} onChange={(e) => set("externalId", e.currentTarget.value)} error={errors.externalId} />
        </SimpleGrid>
        <Divider label={t("orderList.lines.title")} labelPosition="left" mt="xs" />
        <LineEditor lines={draft.lines} currency={draft.currency} errors={errors} onChange={(lines) => set("lines", lines)} />
        {draft.lines.length === 0 && (
          <>
            <Text size="sm" c="dimmed">{t("orderList.noLinesHint")}</Text>
            <TextInput label={t("orderList.fields.amount")} required inputMode="decimal" value={draft.amount} onChange={(e) => set("amount", e.currentTarget.value)} error={errors.amount} w={220} />
          </>
        )}
        {draft.lines.length > 0 && errors.amount && <Text size="sm" c="red">{errors.amount}</Text>}
        <Textarea label={t("orderList.fields.notes")} autosize minRows={2} value={draft.notes} onChange={(e) => set("notes", e.currentTarget.value)} error={errors.notes} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>{t("common.cancel")}</Button>
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
