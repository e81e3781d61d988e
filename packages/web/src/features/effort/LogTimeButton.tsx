import { Button } from "@mantine/core";
import { IconClockPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEffortRefresh } from "./effort.api";
import { LogTimeModal, type LogTimeTarget } from "./LogTimeModal";

/** "Log time" on an interaction, case or task page: the entry is counted on the record's account. */
export function LogTimeButton({ accountId, source }: { accountId: string; source: { type: "interaction" | "case" | "task"; id: string } }) {
  const { t } = useTranslation();
  const refresh = useEffortRefresh();
  const [target, setTarget] = useState<LogTimeTarget | null>(null);
  return (
    <>
      <Button variant="default" leftSection={<IconClockPlus size={16} />} onClick={() => setTarget({ accountId, source: source.type, sourceId: source.id })}>{t("effort.logTime")}</Button>
      <LogTimeModal target={target} onClose={() => setTarget(null)} onSaved={refresh} />
    </>
  );
}
