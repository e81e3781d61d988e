import { Badge, Group } from "@mantine/core";
import type { TReviewCycle } from "@openkam/contracts";
import { REVIEW_VIEWS } from "@openkam/domain/reviews/index";
import { useTranslation } from "react-i18next";

/** Answered of invited, per view. */
export function ProgressBadges({ progress }: { progress: TReviewCycle["progress"] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {REVIEW_VIEWS.filter((v) => progress[v].invited > 0).map((v) => {
        const p = progress[v];
        return (
          <Badge key={v} variant="light" color={p.answered === p.invited ? "teal" : "gray"} size="sm">
            {t(`reviews.views.${v}`)} {p.answered}/{p.invited}
          </Badge>
        );
      })}
    </Group>
  );
}
