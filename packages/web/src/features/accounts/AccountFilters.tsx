import { Button, Indicator, MultiSelect, Popover, Select, Stack, TextInput } from "@mantine/core";
import { ACCOUNT_STATUSES, ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import { IconFilter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useUserOptions } from "../users/users.api";
import { countFilters, type AccountListState } from "./list-state";

export function AccountFilters({ state, onChange }: { state: AccountListState; onChange(patch: Partial<AccountListState>): void }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const active = countFilters(state);
  return (
    <Indicator label={active} size={16} disabled={active === 0}>
    <Popover position="bottom-start" width={300} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconFilter size={16} />}>{t("accounts.filters.button")}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <MultiSelect
            label={t("accounts.fields.tier")}
            data={ACCOUNT_TIERS.map((v) => ({ value: v, label: t(`enums.tier.${v}`) }))}
            value={state.tier}
            onChange={(v) => onChange({ tier: v as AccountListState["tier"] })}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <MultiSelect
            label={t("accounts.fields.status")}
            data={ACCOUNT_STATUSES.map((v) => ({ value: v, label: t(`enums.status.${v}`) }))}
            value={state.status}
            onChange={(v) => onChange({ status: v as AccountListState["status"] })}
            clearable
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t("accounts.fields.owner")}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={state.ownerUserId}
            onChange={(v) => onChange({ ownerUserId: v })}
            searchable
            clearable
            placeholder={t("accounts.filters.anyOwner")}
            comboboxProps={{ withinPortal: false }}
          />
          <TextInput label={t("accounts.fields.region")} value={state.region} onChange={(e) => onChange({ region: e.currentTarget.value })} placeholder={t("accounts.filters.exactMatch")} />
          <TextInput label={t("accounts.fields.industry")} value={state.industry} onChange={(e) => onChange({ industry: e.currentTarget.value })} placeholder={t("accounts.filters.exactMatch")} />
          <Button variant="subtle" disabled={active === 0} onClick={() => onChange({ tier: [], status: [], ownerUserId: null, region: "", industry: "" })}>
            {t("accounts.filters.clear")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
    </Indicator>
  );
}
