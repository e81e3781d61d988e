import { IconBuildingSkyscraper, IconCalendarRepeat, IconChecklist, IconFileImport, IconGauge, IconLifebuoy, IconMessages, IconReceipt, IconSettings, IconTargetArrow, IconUsers, type Icon } from "@tabler/icons-react";
import { IconFlag, IconUsersGroup } from "@tabler/icons-react";
import { IconChartFunnel } from "@tabler/icons-react";

/** The main navigation: one entry per top-level page. */
export const NAV_ITEMS: Array<{ to: string; label: string; icon: Icon }> = [
  { to: "/", label: "nav.dashboard", icon: IconGauge },
  { to: "/identify", label: "nav.identify", icon: IconTargetArrow },
  { to: "/accounts", label: "nav.accounts", icon: IconBuildingSkyscraper },
  { to: "/contacts", label: "nav.contacts", icon: IconUsers },
  { to: "/orders", label: "nav.orders", icon: IconReceipt },
  { to: "/interactions", label: "nav.interactions", icon: IconMessages },
  { to: "/cadence", label: "nav.cadence", icon: IconCalendarRepeat },
  { to: "/tasks", label: "nav.tasks", icon: IconChecklist },
  { to: "/cases", label: "nav.cases", icon: IconLifebuoy },
  { to: "/imports", label: "nav.imports", icon: IconFileImport },
  { to: "/team", label: "nav.team", icon: IconUsersGroup },
  { to: "/programme", label: "nav.programme", icon: IconFlag },
  { to: "/pipeline", label: "nav.pipeline", icon: IconChartFunnel },
  { to: "/settings", label: "nav.settings", icon: IconSettings },
];
