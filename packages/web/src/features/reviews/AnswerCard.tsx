import { Button, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import type { TReviewCriterion } from "@openkam/contracts";
import { criterionLabel } from "@openkam/domain/reviews/index";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { answerReview } from "./reviews.api";
import { RatingButtons } from "./RatingButtons";

/** The caller's own answer to a review they are invited to. */
export function AnswerCard({ cycleId, view, criteria, onAnswered }: { cycleId: string; view: string; criteria: TReviewCriterion[]; onAnswered: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const { busy, errors, run } = useFormSubmit();
  const [ratings, setRatings] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState("");
  const lang = i18n.language === "zh-CN" ? "zh-CN" : "en";
  const save = () => run(async () => {
    await answerReview(cycleId, { ratings, comment });
    await onAnswered();
    notifySaved(t("reviews.answerSaved"));
  });
  return (
    <Paper withBorder p="md" radius="md" data-testid="answer-card">
      <Title order={2} size="h5">{t("reviews.yourAnswer")}</Title>
      <Text size="sm" c="dimmed" mb="md">{t("reviews.yourAnswerHint", { view: t(`reviews.views.${view}`) })}</Text>
      <Stack gap="md">
        {criteria.map((c) => {
          const label = criterionLabel(c, lang);
          return (
            <div key={c.key}>
              <Text fw={600} size="sm" mb={6}>{label}</Text>
              <RatingButtons value={ratings[c.key]} label={label} cantSay={t("reviews.cantSay")} onChange={(v) => setRatings((r) => ({ ...r, [c.key]: v }))} />
            </div>
          );
        })}
        <Textarea label={t("reviews.comment")} value={comment} onChange={(e) => setComment(e.currentTarget.value)} rows={3} maxLength={5000} error={errors.comment} />
        {errors.ratings && <Text c="red" size="sm" role="alert">{errors.ratings}</Text>}
        <Button onClick={() => void save()} loading={busy} disabled={!Object.values(ratings).some((v) => v !== null)} style={{ alignSelf: "flex-start" }}>{t("reviews.submitAnswer")}</Button>
      </Stack>
    </Paper>
  );
}
