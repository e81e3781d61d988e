import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback, useDisclosure } from "@mantine/hooks";
import type { TInteraction } from "@openkam/contracts";
import { INTERACTION_TYPES } from "@openkam/domain/enums/index";
import { IconMessages, IconPlus, IconSearch } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { KeysetPager, useKeysetPages } from "../../components/KeysetPager";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { AccountPicker } from "../accounts/AccountPicker";
import { useSession } from "../auth/session-context";
import { useAccountById } from "../orders/AccountName";
import { CreateInteractionModal } from "./CreateInteractionModal";
import { dayRange } from "./interaction-time";
import { useInteractionsPage, type InteractionsListQuery } from "./interactions.api";

const isDay = (v: string | null) => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Visits, calls and meetings across accounts; filters live in the URL so a view can be shared. */
export function InteractionsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const type = params.get("type");
  const accountId = params.get("account");
  const from = params.get("from");
  const to = params.get("to");
  const account = useAccountById(accountId);

  const query = useMemo<InteractionsListQuery>(() => ({
    sort: "-occurredAt",
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(type && (INTERACTION_TYPES as readonly string[]).includes(type) ? { type: type as TInteraction["type"] } : {}),
    ...(accountId ? { accountId } : {}),
    ...dayRange(isDay(from) ? from : null, isDay(to) ? to : null),
  }), [q, type, accountId, from, to]);
  const filtered = Boolean(q || type || accountId || from || to);

  const setParam = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  const pushSearch = useDebouncedCallback((value: string) => setParam("q", value.trim() || null), 300);

  const queryKey = JSON.stringify(query);
  const pages = useKeysetPages(queryKey);
  const page = useInteractionsPage(query, pages.cursor);
  const [creating, { open, close }] = useDisclosure(false);
  const items = page.data?.items ?? [];
  const canWrite = me.role !== "viewer";

  return (
    <>
      <PageHeader
        title={t("interactions.title")}
        description={t("interactions.subtitle")}
        actions={canWrite && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("interactions.new")}</Button>}
      />
      <Group gap="sm" mb="md" align="flex-end">
        <TextInput label={t("interactions.searchLabel")} placeholder={t("interactions.searchPlaceholder")} leftSection={<IconSearch size={16} />} value={search} onChange={(e) => { setSearch(e.currentTarget.value); pushSearch(e.currentTarget.value); }} w={{ base: "100%", sm: 240 }} />
        <Select
          label={t("interactions.fields.type")}
          placeholder={t("interactions.anyType")}
          data={INTERACTION_TYPES.map((v) => ({ value: v, label: t(`enums.interactionType.${v}`) }))}
          value={type}
          onChange={(v) => setParam("type", v)}
          clearable
          w={180}
        />
        <div style={{ width: 240 }}>
          <AccountPicker key={account.data?.id ?? "none"} label={t("interactions.fields.account")} value={accountId} onChange={(id) => setParam("account", id)} initialName={account.data?.name} />
        </div>
        <TextInput type="date" label={t("interactions.from")} value={from ?? ""} onChange={(e) => setParam("from", e.currentTarget.value || null)} w={160} />
        <TextInput type="date" label={t("interactions.to")} value={to ?? ""} onChange={(e) => setParam("to", e.currentTarget.value || null)} w={160} />
      </Group>
      <Paper withBorder radius="md">
        {page.isPending ? <TableSkeleton /> : page.isError ? <ErrorState error={page.error} onRetry={() => void page.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconMessages />} title={filtered ? t("interactions.noMatchTitle") : t("interactions.emptyTitle")} description={filtered ? t("interactions.noMatchText") : t("interactions.emptyText")}>
            {filtered ? <Button variant="light" onClick={() => { setSearch(""); setParams({}, { replace: true }); }}>{t("interactions.clearFilters")}</Button> : canWrite && <Button onClick={open}>{t("interactions.new")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={820} style={{ opacity: page.isPlaceholderData ? 0.6 : 1 }}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("interactions.fields.occurredAt")}</Table.Th>
                  <Table.Th>{t("interactions.fields.type")}</Table.Th>
                  <Table.Th>{t("interactions.fields.subject")}</Table.Th>
                  <Table.Th>{t("interactions.fields.account")}</Table.Th>
                  <Table.Th>{t("interactions.fields.nextStep")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(i.occurredAt)}{i.planned && <Badge ml={6} size="xs" color="cyan">{t("interactions.planned")}</Badge>}</Table.Td>
                    <Table.Td><Badge variant="light">{t(`enums.interactionType.${i.type}`)}</Badge></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/interactions/${i.id}`} fw={500} size="sm">{i.subject}</Anchor></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/accounts/${i.accountId}?tab=interactions`} size="sm">{i.accountName}</Anchor></Table.Td>
                    <Table.Td><Text size="sm" c="dimmed" lineClamp={1}>{i.nextStep ?? "—"}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <KeysetPager info={t("interactions.pageInfo", { page: pages.page, count: items.length })} pages={pages} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} />
      <CreateInteractionModal opened={creating} onClose={close} accountId={accountId ?? undefined} accountName={account.data?.name} onCreated={(i) => void navigate(`/interactions/${i.id}`)} />
    </>
  );
}
