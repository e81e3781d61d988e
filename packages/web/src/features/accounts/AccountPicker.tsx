import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { TAccountPage } from "../../lib/api/contract-types";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../lib/api/client";

interface Props {
  label: string;
  value: string | null;
  onChange(id: string | null): void;
  error?: string | undefined;
  required?: boolean;
  /** Shown before the first search, so the current account keeps its name. */
  initialName?: string | undefined;
}

/** Picks an account by typing part of its name (searched on the server: there may be thousands). */
export function AccountPicker({ label, value, onChange, error, required, initialName }: Props) {
  const [search, setSearch] = useState(initialName ?? "");
  const [q] = useDebouncedValue(search, 200);
  const result = useQuery({
    queryKey: ["accounts", "picker", q],
    queryFn: () => api.get<TAccountPage>("/api/accounts", { q: q || undefined, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const data = (result.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (value && initialName && !data.some((d) => d.value === value)) data.unshift({ value, label: initialName });
  return (
    <Select
      label={label}
      required={required}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      error={error}
      nothingFoundMessage="—"
    />
  );
}
