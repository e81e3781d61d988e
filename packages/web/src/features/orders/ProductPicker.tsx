import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { TProduct } from "@openkam/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useProductSearch } from "./orders.api";

interface Props {
  label: string;
  value: string | null;
  /** Shown before the list has loaded, so an existing line keeps its name. */
  initialLabel: string | null;
  error?: string | undefined;
  onChange(product: TProduct | null, label: string | null): void;
}

const productLabel = (p: TProduct) => `${p.sku} · ${p.name}`;

/** Picks a product by typing part of its name or SKU (searched on the server). */
export function ProductPicker({ label, value, initialLabel, error, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initialLabel ?? "");
  const [q] = useDebouncedValue(search, 200);
  const products = useProductSearch(value && search === initialLabel ? "" : q);
  const items = products.data?.items ?? [];
  const data = items.map((p) => ({ value: p.id, label: productLabel(p) }));
  if (value && initialLabel && !data.some((d) => d.value === value)) data.unshift({ value, label: initialLabel });
  return (
    <Select
      aria-label={label}
      placeholder={t("orderList.lines.pickProduct")}
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const product = items.find((p) => p.id === id) ?? null;
        onChange(product, product ? productLabel(product) : null);
      }}
      error={error}
      nothingFoundMessage={t("orderList.lines.noProducts")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
