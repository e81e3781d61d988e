import { Badge, Button, Group, Kbd, Loader, Text } from "@mantine/core";
import { useDebouncedValue, useOs } from "@mantine/hooks";
import { Spotlight, spotlight } from "@mantine/spotlight";
import { IconBuildingSkyscraper, IconSearch, IconUser } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { tierColor } from "../../lib/colors";
import { useSearch } from "./search.api";

export function SearchButton() {
  const { t } = useTranslation();
  const os = useOs();
  return (
    <Button
      variant="default"
      size="compact-md"
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs" visibleFrom="md">{os === "macos" ? "⌘" : "Ctrl"} K</Kbd>}
      onClick={spotlight.open}
      aria-label={t("search.open")}
      aria-keyshortcuts="Control+K Meta+K"
      c="dimmed"
      fw={400}
    >
      <Text size="sm" visibleFrom="md" mr="xl">{t("search.placeholder")}</Text>
    </Button>
  );
}

/** Ctrl/⌘+K from anywhere: accounts and contacts by name, opened with Enter. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query, 150);
  const result = useSearch(debounced);
  const data = debounced.trim() ? result.data : undefined;
  const go = (to: string) => void navigate(to);

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={["mod + K", "/"]} scrollable maxHeight={480} clearQueryOnClose>
      <Spotlight.Search
        placeholder={t("search.placeholder")}
        aria-label={t("search.placeholder")}
        leftSection={result.isFetching ? <Loader size={16} /> : <IconSearch size={18} />}
      />
      <Spotlight.ActionsList>
        {!query.trim() && <Spotlight.Empty>{t("search.hint")}</Spotlight.Empty>}
        {data && data.accounts.length + data.contacts.length === 0 && <Spotlight.Empty>{t("search.nothing", { q: debounced })}</Spotlight.Empty>}
        {data && data.accounts.length > 0 && (
          <Spotlight.ActionsGroup label={t("search.accounts")}>
            {data.accounts.map((a) => (
              <Spotlight.Action
                key={a.id}
                onClick={() => go(`/accounts/${a.id}`)}
                leftSection={<IconBuildingSkyscraper size={20} stroke={1.5} />}
                label={a.name}
                description={[a.industry, a.region].filter(Boolean).join(" · ")}
                rightSection={<Badge size="sm" color={tierColor(a.tier)}>{t(`enums.tier.${a.tier}`)}</Badge>}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {data && data.contacts.length > 0 && (
          <Spotlight.ActionsGroup label={t("search.contacts")}>
            {data.contacts.map((c) => (
              <Spotlight.Action
                key={c.id}
                onClick={() => go(`/contacts/${c.id}`)}
                leftSection={<IconUser size={20} stroke={1.5} />}
                label={c.name}
                description={[c.title, c.accountName].filter(Boolean).join(" · ")}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="xs"><Text size="xs" c="dimmed">{t("search.footer")}</Text></Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
