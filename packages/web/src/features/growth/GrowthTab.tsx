import { SegmentedControl, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { InitiativesSection } from "./InitiativesSection";
import { JourneySection } from "./JourneySection";
import { OpportunitiesSection } from "./OpportunitiesSection";
import { WhitespaceSection } from "./WhitespaceSection";

const SECTIONS = ["opportunities", "whitespace", "initiatives", "journey"] as const;
type Section = (typeof SECTIONS)[number];

/** Growth planning on the account page: the section is in the URL (?tab=growth&section=...). */
export function GrowthTab({ accountId, currency, canWrite }: { accountId: string; currency: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get("section");
  const section: Section = SECTIONS.includes(asked as Section) ? (asked as Section) : "opportunities";
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label={t("growth.sections.label")}
        value={section}
        onChange={(v) => setParams((p) => { const next = new URLSearchParams(p); next.set("section", v); return next; }, { replace: true })}
        data={SECTIONS.map((s) => ({ value: s, label: t(`growth.sections.${s}`) }))}
        style={{ alignSelf: "flex-start" }}
      />
      {section === "opportunities" && <OpportunitiesSection accountId={accountId} currency={currency} canWrite={canWrite} />}
      {section === "whitespace" && <WhitespaceSection accountId={accountId} currency={currency} canWrite={canWrite} />}
      {section === "initiatives" && <InitiativesSection accountId={accountId} currency={currency} canWrite={canWrite} />}
      {section === "journey" && <JourneySection accountId={accountId} canWrite={canWrite} />}
    </Stack>
  );
}
