import { Alert, Box, Button, Card, Container, Group, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import type { TPublicReview } from "@openkam/contracts";
import { criterionLabel } from "@openkam/domain/reviews/index";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PublicLinkScreen, type PublicScreen } from "../../components/PublicLinkScreen";
import { fetchPublicReview, forgetReviewSubmission, reviewSubmissionId, submitPublicReview } from "./public-review.api";
import { RatingButtons } from "./RatingButtons";

type Lang = TPublicReview["language"];
const COMMENT_LIMIT = 5_000;

/**
 * The page a customer opens from the review link: no sign-in, no navigation, only the criteria to rate. It speaks
 * the invitation's language (with a toggle), fits a phone, and submits with an id kept in this tab, so a submit
 * retried after the connection dropped is recognised as the same one. Text is only ever shown as text.
 */
export function PublicReviewPage() {
  const { token = "" } = useParams();
  const { i18n } = useTranslation();
  const [lang, setLang] = useState<Lang | null>(null);
  const t = useMemo(() => i18n.getFixedT(lang ?? (i18n.language === "zh-CN" ? "zh-CN" : "en")), [i18n, lang]);
  const [screen, setScreen] = useState<PublicScreen>("loading");
  const [review, setReview] = useState<TPublicReview | null>(null);
  const [ratings, setRatings] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);

  const load = useCallback(async () => {
    const outcome = await fetchPublicReview(token);
    if (outcome.kind === "ok") {
      setReview(outcome.value);
      setLang((current) => current ?? outcome.value.language);
      setScreen("form");
    } else setScreen(outcome.kind === "offline" || outcome.kind === "invalid" ? "error" : outcome.kind);
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
    document.title = review?.title ?? "OpenKAM";
  }, [lang, review]);

  const submit = async () => {
    if (!review || !lang) return;
    if (!Object.values(ratings).some((v) => v !== null)) {
      setError(t("reviews.public.rateOne"));
      return;
    }
    setError(null);
    setSending(true);
    setOffline(false);
    const outcome = await submitPublicReview(token, { submissionId: reviewSubmissionId(token), ratings, comment: comment.trim() === "" ? null : comment, language: lang });
    setSending(false);
    if (outcome.kind === "ok") {
      forgetReviewSubmission(token);
      setScreen("thanks");
    } else if (outcome.kind === "offline") setOffline(true);
    else if (outcome.kind === "invalid") setError(outcome.errors[0]?.message ?? t("reviews.public.errorText"));
    else setScreen(outcome.kind);
  };

  if (screen !== "form" || !review || !lang) {
    return <PublicLinkScreen screen={screen === "form" ? "error" : screen} t={t} messages="reviews.public" onRetry={() => { setScreen("loading"); void load(); }} />;
  }

  return (
    <Box component="main" py="md">
      <Container size={640} px="sm">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text size="sm" c="dimmed" truncate>{review.organizationName}</Text>
          <SegmentedControl
            size="xs" value={lang} aria-label={t("reviews.public.language")} onChange={(value) => setLang(value as Lang)}
            data={[{ value: "en", label: "English" }, { value: "zh-CN", label: "中文" }]}
          />
        </Group>
        <Title order={1} size="h2" mb={4}>{t("reviews.public.heading", { organization: review.organizationName })}</Title>
        <Text c="dimmed" mb="md">{t("reviews.public.intro")}</Text>
        <Stack gap="md">
          {review.criteria.map((c, index) => {
            const label = criterionLabel(c, lang);
            return (
              <Card key={c.key} withBorder radius="md" padding="md" component="section" aria-label={label}>
                <Text fw={600} mb="sm">{index + 1}. {label}</Text>
                <RatingButtons value={ratings[c.key]} label={label} cantSay={t("reviews.public.cantSay")} onChange={(v) => setRatings((r) => ({ ...r, [c.key]: v }))} />
                <Group justify="space-between" mt={6}><Text size="xs" c="dimmed">{t("reviews.public.low")}</Text><Text size="xs" c="dimmed">{t("reviews.public.high")}</Text></Group>
              </Card>
            );
          })}
          <Textarea label={t("reviews.public.comment")} value={comment} onChange={(e) => setComment(e.currentTarget.value)} rows={4} maxLength={COMMENT_LIMIT} size="md" />
          {error && <Text c="red" size="sm" role="alert">{error}</Text>}
          {offline && <Alert color="orange" title={t("reviews.public.offlineTitle")} role="alert">{t("reviews.public.offlineText")}</Alert>}
          <Button size="lg" fullWidth loading={sending} onClick={() => void submit()}>{offline ? t("reviews.public.tryAgain") : t("reviews.public.submit")}</Button>
          <Text size="xs" c="dimmed" ta="center">{t("reviews.public.privacy")}</Text>
        </Stack>
      </Container>
    </Box>
  );
}
