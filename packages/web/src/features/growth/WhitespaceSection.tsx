import { ActionIcon, Badge, Box, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip, UnstyledButton } from "@mantine/core";
import type { TBusinessUnit, TWhitespaceCell, TWhitespaceMap } from "@openkam/contracts";
import { WHITESPACE_MANUAL_STATES, WHITESPACE_STATES, type WhitespaceManualState } from "@openkam/domain/growth/index";
import { IconBuildingFactory2, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { TableSkeleton } from "../../components/TableSkeleton";
import { useFormSubmit } from "../../components/useFormSubmit";
import { formatMoney } from "../../lib/format";
import { createBusinessUnit, deleteBusinessUnit, growthKeys, putWhitespaceCells, useWhitespace } from "./growth.api";
import { cellIndex, WHITESPACE_COLORS } from "./growth-format";

type Product = TWhitespaceMap["products"][number];

function CellModal({ accountId, currency, unit, product, cell, onClose }: {
  accountId: string; currency: string; unit: TBusinessUnit; product: Product; cell: TWhitespaceCell | undefined; onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<WhitespaceManualState | "none">(cell?.manualState ?? "none");
  const [value, setValue] = useState(cell?.estimatedValue ?? "");
  const { busy, errors, run } = useFormSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      const map = await putWhitespaceCells(accountId, {
        cells: [{
          businessUnitId: unit.id, productId: product.id, state: state === "none" ? null : state,
          estimatedValue: value.trim() === "" ? null : value.trim(), currency: value.trim() === "" ? null : (cell?.currency ?? currency), version: cell?.version ?? 0,
        }],
      });
      queryClient.setQueryData(growthKeys.whitespace(accountId), map);
      notifySaved();
      onClose();
    });
  }

  return (
    <Modal opened onClose={onClose} title={`${product.name} · ${unit.name}`}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {cell?.boughtRecently && <Text size="sm" c="teal.9">{t("growth.whitespace.boughtHint", { date: product.lastOrderDate ?? "" })}</Text>}
          {(cell?.openOpportunities ?? 0) > 0 && <Text size="sm" c="blue.9">{t("growth.whitespace.pipelineHint", { count: cell?.openOpportunities ?? 0 })}</Text>}
          <SegmentedControl
            aria-label={t("growth.whitespace.yourCall")}
            value={state}
            onChange={(v) => setState(v as WhitespaceManualState | "none")}
            data={[{ value: "none", label: t("growth.whitespace.unset") }, ...WHITESPACE_MANUAL_STATES.map((s) => ({ value: s, label: t(`growth.whitespace.states.${s}`) }))]}
          />
          <TextInput
            label={t("growth.whitespace.estimatedValue", { currency: cell?.currency ?? currency })} inputMode="decimal"
            value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors["cells.0.estimatedValue"] ?? errors.estimatedValue ?? errors["cells.0.currency"]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AddUnitForm({ accountId, onDone }: { accountId: string; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"business_unit" | "site">("business_unit");
  const { busy, errors, run } = useFormSubmit();
  function submit(event: FormEvent) {
    event.preventDefault();
    return run(async () => {
      await createBusinessUnit(accountId, { name, kind });
      await queryClient.invalidateQueries({ queryKey: growthKeys.whitespace(accountId) });
      notifySaved(t("growth.whitespace.unitAdded", { name }));
      setName("");
      onDone();
    });
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Group align="flex-end" gap="xs">
        <TextInput label={t("growth.whitespace.unitName")} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Select
          label={t("growth.whitespace.unitKind")} w={170} allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as "business_unit" | "site")}
          data={[{ value: "business_unit", label: t("growth.whitespace.kinds.business_unit") }, { value: "site", label: t("growth.whitespace.kinds.site") }]}
        />
        <Button type="submit" loading={busy} leftSection={<IconPlus size={14} />}>{t("growth.whitespace.addUnit")}</Button>
      </Group>
    </form>
  );
}

export function WhitespaceSection({ accountId, currency, canWrite }: { accountId: string; currency: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const map = useWhitespace(accountId);
  const [category, setCategory] = useState<string | null>(null);
  const [open, setOpen] = useState<{ unit: TBusinessUnit; product: Product } | null>(null);
  const [adding, setAdding] = useState(false);
  const cells = useMemo(() => cellIndex(map.data?.cells ?? []), [map.data]);

  if (map.isPending) return <TableSkeleton rows={6} />;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} />;
  const { businessUnits, products, totals } = map.data;
  const categories = [...new Set(products.map((p) => p.category ?? ""))].filter((c) => c !== "");
  const shown = category ? products.filter((p) => p.category === category) : products;

  async function removeUnit(unit: TBusinessUnit) {
    const ok = await confirmAction({ title: t("growth.whitespace.removeUnitTitle"), message: t("growth.whitespace.removeUnitConfirm", { name: unit.name }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    try {
      await deleteBusinessUnit(accountId, unit);
      notifySaved(t("growth.whitespace.unitRemoved", { name: unit.name }));
    } catch (error) {
      notifyFailed(error);
    }
    await queryClient.invalidateQueries({ queryKey: growthKeys.all });
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" aria-label={t("growth.whitespace.legend")}>
          {WHITESPACE_STATES.map((s) => <Badge key={s} color={WHITESPACE_COLORS[s]} variant="filled">{t(`growth.whitespace.states.${s}`)}</Badge>)}
          <Badge color="gray" variant="outline">{t("growth.whitespace.states.empty")}</Badge>
        </Group>
        <Group gap="xs">
          {categories.length > 1 && (
            <Select
              aria-label={t("growth.whitespace.category")} placeholder={t("growth.whitespace.allCategories")} clearable w={200}
              data={categories} value={category} onChange={setCategory}
            />
          )}
          {canWrite && businessUnits.length > 0 && !adding && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>{t("growth.whitespace.addUnit")}</Button>}
        </Group>
      </Group>
      {totals.length > 0 && (
        <Group gap="lg">
          {totals.map((line) => (
            <Text key={`${line.state}/${line.currency}`} size="sm">
              <Text span c="dimmed">{t(`growth.whitespace.states.${line.state}`)}: </Text>
              <Text span fw={600}>{formatMoney(line.estimatedValue, line.currency)}</Text> <Text span size="xs" c="dimmed">({line.cells})</Text>
            </Text>
          ))}
        </Group>
      )}
      {adding && <AddUnitForm accountId={accountId} onDone={() => setAdding(false)} />}
      {businessUnits.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <EmptyHint icon={<IconBuildingFactory2 />} title={t("growth.whitespace.noUnits")} description={t("growth.whitespace.noUnitsHint")}>
            {canWrite && <AddUnitForm accountId={accountId} onDone={() => undefined} />}
          </EmptyHint>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={240 + businessUnits.length * 130} maxHeight={560}>
            <Table stickyHeader withColumnBorders verticalSpacing={4} aria-label={t("growth.whitespace.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("growth.whitespace.product")}</Table.Th>
                  {businessUnits.map((u) => (
                    <Table.Th key={u.id} ta="center">
                      <Group gap={4} justify="center" wrap="nowrap">
                        <Text size="sm" fw={600} lineClamp={1}>{u.name}</Text>
                        {canWrite && <ActionIcon size="xs" variant="subtle" color="red" aria-label={t("growth.whitespace.removeUnitNamed", { name: u.name })} onClick={() => void removeUnit(u)}><IconTrash size={12} /></ActionIcon>}
                      </Group>
                      <Text size="xs" c="dimmed">{t(`growth.whitespace.kinds.${u.kind}`)}</Text>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td><Text size="sm" lineClamp={1}>{p.name}</Text><Text size="xs" c="dimmed">{p.category ?? ""}</Text></Table.Td>
                    {businessUnits.map((u) => {
                      const cell = cells.get(`${u.id}/${p.id}`);
                      const label = cell?.state ? t(`growth.whitespace.states.${cell.state}`) : t("growth.whitespace.states.empty");
                      const content = (
                        <Box
                          bg={cell?.state ? `var(--mantine-color-${WHITESPACE_COLORS[cell.state]}-light)` : undefined}
                          style={{ borderRadius: 4, minHeight: 30, display: "flex", alignItems: "center", justifyContent: "center" }}
                        >
                          <Text size="xs" c={cell?.state ? undefined : "dimmed"}>{cell?.estimatedValue ? formatMoney(cell.estimatedValue, cell.currency, { compact: true }) : cell?.state ? label : "·"}</Text>
                        </Box>
                      );
                      return (
                        <Table.Td key={u.id} p={2}>
                          <Tooltip label={`${p.name} · ${u.name}: ${label}`} openDelay={400}>
                            {canWrite ? (
                              <UnstyledButton w="100%" aria-label={`${p.name} · ${u.name}: ${label}`} data-state={cell?.state ?? "empty"} onClick={() => setOpen({ unit: u, product: p })}>{content}</UnstyledButton>
                            ) : <div aria-label={`${p.name} · ${u.name}: ${label}`} data-state={cell?.state ?? "empty"}>{content}</div>}
                          </Tooltip>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {open && (
        <CellModal
          key={`${open.unit.id}/${open.product.id}`} accountId={accountId} currency={currency} unit={open.unit} product={open.product}
          cell={cells.get(`${open.unit.id}/${open.product.id}`)} onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
