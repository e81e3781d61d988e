import { AppShell, Burger, Group, NavLink, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { TableSkeleton } from "../../components/TableSkeleton";
import { GlobalSearch, SearchButton } from "../search/GlobalSearch";
import { NotificationBell } from "../notifications/NotificationBell";
import { LanguageMenu } from "./LanguageMenu";
import { NAV_ITEMS } from "./nav-items";
import { OrgSwitcher } from "./OrgSwitcher";
import { ThemeToggle } from "./ThemeToggle";
import { UserMenu } from "./UserMenu";

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const matches = (to: string) => (to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`));
  // A page under a nested entry (/programme/dashboard) lights that entry only, not its parent's too.
  const isActive = (to: string) => matches(to) && !NAV_ITEMS.some((item) => item.to.length > to.length && item.to.startsWith(`${to}/`) && matches(item.to));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("shell.toggleNavigation")} />
            <Link to="/" aria-label={t("shell.home")} style={{ display: "flex", alignItems: "center", gap: 8, textDecoration: "none", color: "inherit" }}>
              <img src="/favicon.svg" alt="" width={28} height={28} />
              <Text fw={700} visibleFrom="xs">OpenKAM</Text>
            </Link>
            <OrgSwitcher />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SearchButton />
            <NotificationBell />
            <LanguageMenu />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("shell.navigation")}>
        {/* The browser's own scrolling: Mantine's ScrollArea measured and observed itself on every first render. */}
        <AppShell.Section grow style={{ overflowY: "auto" }}>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              leftSection={<item.icon size={18} stroke={1.6} />}
              active={isActive(item.to)}
              variant="filled"
              onClick={close}
              style={{ borderRadius: "var(--mantine-radius-md)" }}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<TableSkeleton />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
