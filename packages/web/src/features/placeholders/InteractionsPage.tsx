import { IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "./ComingSoon";

export function InteractionsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t("nav.interactions")} text={t("placeholders.interactions")} icon={<IconMessages />} />;
}
