import { IconFileImport } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "./ComingSoon";

export function ImportsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t("nav.imports")} text={t("placeholders.imports")} icon={<IconFileImport />} />;
}
