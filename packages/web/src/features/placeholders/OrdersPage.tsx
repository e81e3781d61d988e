import { IconReceipt } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { ComingSoon } from "./ComingSoon";

export function OrdersPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t("nav.orders")} text={t("placeholders.orders")} icon={<IconReceipt />} />;
}
