import { ActionIcon, Button, Group, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import type { TProduct } from "@openkam/contracts";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatExactMoney } from "./exact-money";
import { lineAmount, linesTotal } from "./order-math";
import { newLine, type LineDraft } from "./order-draft";
import { ProductPicker } from "./ProductPicker";

interface Props {
  lines: LineDraft[];
  currency: string;
  errors: Record<string, string>;
  onChange(lines: LineDraft[]): void;
}

/**
 * The order lines: product, quantity and unit price per line, with each line's
 * amount and the total computed exactly as the server will (see order-math).
 */
export function LineEditor({ lines, currency, errors, onChange }: Props) {
  const { t } = useTranslation();
  const update = (key: string, patch: Partial<LineDraft>) => onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const pickProduct = (line: LineDraft, product: TProduct | null, label: string | null) =>
    update(line.key, {
      productId: product?.id ?? null,
      productLabel: label,
      // A list price fills an empty price only: a negotiated price is never overwritten.
      ...(product?.listPrice && line.unitPrice.trim() === "" ? { unitPrice: product.listPrice.replace(/\.?0+$/, "") } : {}),
    });
  const error = (i: number, field: string) => errors[`lines.${i}.${field}`];
  const total = linesTotal(lines);

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="45%">{t("orderList.lines.product")}</Table.Th>
              <Table.Th w="14%">{t("orderList.lines.quantity")}</Table.Th>
              <Table.Th w="17%">{t("orderList.lines.unitPrice")}</Table.Th>
              <Table.Th ta="right">{t("orderList.lines.amount")}</Table.Th>
              <Table.Th w={40}><VisuallyHidden>{t("orderList.lines.remove")}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => {
              const amount = lineAmount(line.quantity, line.unitPrice);
              const n = i + 1;
              return (
                <Table.Tr key={line.key} data-testid="order-line">
                  <Table.Td>
                    <ProductPicker label={t("orderList.lines.productOf", { n })} value={line.productId} initialLabel={line.productLabel} error={error(i, "productId")} onChange={(p, label) => pickProduct(line, p, label)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t("orderList.lines.quantityOf", { n })} inputMode="decimal" value={line.quantity} onChange={(e) => update(line.key, { quantity: e.currentTarget.value })} error={error(i, "quantity")} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t("orderList.lines.unitPriceOf", { n })} inputMode="decimal" value={line.unitPrice} onChange={(e) => update(line.key, { unitPrice: e.currentTarget.value })} error={error(i, "unitPrice")} />
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" data-testid="line-amount">
                    {amount === null ? <Text span c="dimmed">—</Text> : formatExactMoney(amount, currency)}
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" aria-label={t("orderList.lines.removeOf", { n })} onClick={() => onChange(lines.filter((l) => l.key !== line.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="xs">
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...lines, newLine()])}>{t("orderList.lines.add")}</Button>
        {lines.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">{t("orderList.lines.total")}</Text>
            <Text fw={700} ff="monospace" data-testid="order-total">{total === null ? "—" : formatExactMoney(total, currency)}</Text>
          </Group>
        )}
      </Group>
      {lines.length > 0 && <Text size="xs" c="dimmed" mt={4}>{t("orderList.lines.serverTotal")}</Text>}
    </>
  );
}
