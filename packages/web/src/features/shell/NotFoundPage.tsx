import { Button } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { usePageTitle } from "../../components/usePageTitle";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("common.notFoundTitle"));
  return (
    <EmptyHint icon={<IconMapQuestion />} title={t("common.notFoundTitle")} description={t("common.notFoundText")}>
      <Button component={Link} to="/">{t("nav.dashboard")}</Button>
    </EmptyHint>
  );
}
