import { Button, Group, NativeSelect, Paper, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback, useDisclosure } from "@mantine/hooks";
import type { TListContactsQuery } from "@openkam/contracts";
import { BUYING_ROLES } from "@openkam/domain/enums/index";
import { IconPlus, IconSearch, IconUsers } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { KeysetPager, useKeysetPages } from "../../components/KeysetPager";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { useSession } from "../auth/session-context";
import { useContactsPage } from "./contacts.api";
import { ContactsTable } from "./ContactsTable";
import { CreateContactModal } from "./CreateContactModal";

type ContactSort = TListContactsQuery["sort"];
const SORTS: ContactSort[] = ["name", "-name", "-updatedAt", "-createdAt"];

export function ContactsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const role = params.get("role");
  const sortParam = params.get("sort") as ContactSort | null;
  const sort: ContactSort = sortParam && SORTS.includes(sortParam) ? sortParam : "name";
  const query = useMemo(() => ({
    sort,
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(role && (BUYING_ROLES as readonly string[]).includes(role) ? { buyingRole: role as (typeof BUYING_ROLES)[number] } : {}),
  }), [q, role, sort]);

  const setParam = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  const pushSearch = useDebouncedCallback((value: string) => setParam("q", value.trim() || null), 300);

  const queryKey = JSON.stringify(query);
  const pages = useKeysetPages(queryKey);
  const page = useContactsPage(query, pages.cursor);
  const [creating, { open, close }] = useDisclosure(false);
  const items = page.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("contacts.title")}
        description={t("contacts.subtitle")}
        actions={me.role !== "viewer" && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("contacts.new")}</Button>}
      />
      <Group gap="xs" mb="md">
        <TextInput aria-label={t("contacts.searchLabel")} placeholder={t("contacts.searchPlaceholder")} leftSection={<IconSearch size={16} />} value={search} onChange={(e) => { setSearch(e.currentTarget.value); pushSearch(e.currentTarget.value); }} w={{ base: "100%", sm: 280 }} />
        <Select
          aria-label={t("contacts.fields.buyingRole")}
          placeholder={t("contacts.anyRole")}
          data={BUYING_ROLES.map((v) => ({ value: v, label: t(`enums.buyingRole.${v}`) }))}
          value={role}
          onChange={(v) => setParam("role", v)}
          clearable
          w={200}
        />
        <NativeSelect
          aria-label={t("accounts.sortLabel")}
          data={SORTS.map((s) => ({ value: s, label: t(`contacts.sort.${s}`) }))}
          value={sort}
          onChange={(e) => setParam("sort", e.currentTarget.value === "name" ? null : e.currentTarget.value)}
          w={190}
        />
      </Group>
      <Paper withBorder radius="md">
        {page.isPending ? <TableSkeleton /> : page.isError ? <ErrorState error={page.error} onRetry={() => void page.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconUsers />} title={query.q || query.buyingRole ? t("contacts.noMatchTitle") : t("contacts.emptyTitle")} description={query.q || query.buyingRole ? t("contacts.noMatchText") : t("contacts.emptyText")}>
            {me.role !== "viewer" && <Button onClick={open}>{t("contacts.new")}</Button>}
          </EmptyHint>
        ) : <div style={{ opacity: page.isPlaceholderData ? 0.6 : 1 }}><ContactsTable items={items} /></div>}
      </Paper>
      <KeysetPager info={t("accounts.pageInfo", { page: pages.page, count: items.length })} pages={pages} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} />
      <CreateContactModal opened={creating} onClose={close} onCreated={(c) => void navigate(`/contacts/${c.id}`)} />
    </>
  );
}
