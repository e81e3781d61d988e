import { IconBuildingSkyscraper, IconCalendarRepeat, IconChecklist, IconFileImport, IconGauge, IconLifebuoy, IconMessages, IconReceipt, IconSettings, IconTargetArrow, IconUsers, type Icon } from "@tabler/icons-react";
import { IconFlag, IconUsersGroup } from "@tabler/icons-react";
import { IconChartFunnel } from "@tabler/icons-react";
import { IconMessageReport } from "@tabler/icons-react";
import { IconHourglass, IconMessageStar } from "@tabler/icons-react";
import { IconChartBar } from "@tabler/icons-react";
import { IconClipboardHeart } from "@tabler/icons-react";
import { IconPresentationAnalytics } from "@tabler/icons-react";

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
  { to: "/programme/dashboard", label: "nav.programmeDashboard", icon: IconPresentationAnalytics },
  { to: "/kpis", label: "nav.kpis", icon: IconChartBar },
  { to: "/pipeline", label: "nav.pipeline", icon: IconChartFunnel },
  { to: "/feedback", label: "nav.feedback", icon: IconMessageReport },
  { to: "/surveys", label: "nav.surveys", icon: IconClipboardHeart },
  { to: "/effort", label: "nav.effort", icon: IconHourglass },
  { to: "/reviews", label: "nav.reviews", icon: IconMessageStar },
  { to: "/settings", label: "nav.settings", icon: IconSettings },
];
