import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { lightColor } from "./kpi-format";

/** A traffic light as a worded badge: color for the eye, words for screen readers and print. */
export function TrafficLight({ status, size = "sm" }: { status: "green" | "amber" | "red" | null; size?: "xs" | "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    // Light badges keep dark text on a pale fill (readable, axe-clean); the label never shrinks into an ellipsis.
    <Badge color={lightColor(status)} variant="light" size={size} data-status={status ?? "none"} styles={{ root: { flexShrink: 0 }, label: { overflow: "visible" } }}>
      {t(`kpis.lights.${status ?? "none"}`)}
    </Badge>
  );
}
