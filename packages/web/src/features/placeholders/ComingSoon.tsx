import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { PageHeader } from "../../components/PageHeader";

/** A page whose own screens are not built yet: it says where the same data can be reached today. */
export function ComingSoon({ title, text, icon }: { title: string; text: string; icon: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyHint icon={icon} title={t("placeholders.title")} description={text}>
        <Button component={Link} to="/accounts" variant="light">{t("placeholders.openAccounts")}</Button>
      </EmptyHint>
    </>
  );
}
