import { Alert, Box, Button, Card, Checkbox, Container, Group, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title, UnstyledButton } from "@mantine/core";
import type { TPublicSurvey, TSubmitSurveyResponseRequest } from "@openkam/contracts";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PublicLinkScreen, type PublicScreen } from "../../components/PublicLinkScreen";
import type { PublicOutcome } from "../../lib/api/public-link";
import { fetchPublicSurvey, forgetSurveySubmission, submitPublicSurvey, surveySubmissionId } from "./public-survey.api";

type Lang = TPublicSurvey["language"];
type Answer = number | string | string[];

/** A row of big score buttons (0-10, 1-5, a custom scale): a radio group that fingers can hit. */
function ScoreButtons({ min, max, value, onChange, label, low, high }: {
  min: number; max: number; value: number | undefined; onChange: (v: number) => void; label: string; low?: string | null; high?: string | null;
}) {
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <Stack gap={6}>
      <SimpleGrid cols={{ base: Math.min(scores.length, 6), xs: scores.length }} spacing={6} role="radiogroup" aria-label={label}>
        {scores.map((score) => {
          const selected = value === score;
          return (
            <UnstyledButton
              key={score} role="radio" aria-checked={selected} aria-label={String(score)} onClick={() => onChange(score)}
              style={{
                minHeight: 48, borderRadius: 8, textAlign: "center", fontWeight: 650, fontSize: 18,
                border: `2px solid ${selected ? "var(--mantine-color-blue-6)" : "var(--mantine-color-default-border)"}`,
                background: selected ? "var(--mantine-color-blue-6)" : "var(--mantine-color-body)", color: selected ? "white" : "inherit",
              }}
            >
              {score}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      {(low || high) && <Group justify="space-between"><Text size="xs" c="dimmed">{low}</Text><Text size="xs" c="dimmed">{high}</Text></Group>}
    </Stack>
  );
}

/**
 * The page a customer opens from the e-mail: no sign-in, no navigation, nothing but the survey. It
 * speaks the invitation's language (with a toggle), works on a phone, and submits with an id kept
 * in this tab, so a submit retried after the connection dropped is recognised as the same one.
 */
export function PublicSurveyPage() {
  const { token = "" } = useParams();
  const { i18n } = useTranslation();
  const [lang, setLang] = useState<Lang | null>(null);
  const t = useMemo(() => i18n.getFixedT(lang ?? (i18n.language === "zh-CN" ? "zh-CN" : "en")), [i18n, lang]);
  const [screen, setScreen] = useState<PublicScreen>("loading");
  const [survey, setSurvey] = useState<TPublicSurvey | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const [offline, setOffline] = useState(false);

  const load = useCallback(async (language?: Lang) => {
    const outcome = await fetchPublicSurvey(token, language);
    if (outcome.kind === "ok") {
      setSurvey(outcome.value);
      setLang(outcome.value.language);
      setScreen("form");
    } else setScreen(outcome.kind === "offline" || outcome.kind === "invalid" ? "error" : outcome.kind);
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
    document.title = survey?.title ?? "OpenKAM";
  }, [lang, survey]);

  const submit = async () => {
    if (!survey) return;
    const missing = Object.fromEntries(survey.questions.filter((q) => q.required && (answers[q.id] === undefined || answers[q.id] === "")).map((q) => [q.id, t("surveys.public.required")]));
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSending(true);
    setOffline(false);
    const body: TSubmitSurveyResponseRequest = { submissionId: surveySubmissionId(token), answers, comment: comment.trim() === "" ? null : comment, language: survey.language };
    const outcome: PublicOutcome<unknown> = await submitPublicSurvey(token, body);
    setSending(false);
    if (outcome.kind === "ok") {
      forgetSurveySubmission(token);
      setScreen("thanks");
    } else if (outcome.kind === "offline") setOffline(true);
    else if (outcome.kind === "invalid") setErrors(Object.fromEntries(outcome.errors.map((e) => [e.field.replace(/^answers\./, ""), e.message])));
    else setScreen(outcome.kind);
  };

  const toggle = lang && (
    <SegmentedControl
      size="xs" value={lang} aria-label={t("surveys.public.language")}
      data={[{ value: "en", label: "English" }, { value: "zh-CN", label: "中文" }]}
      onChange={(value) => void load(value as Lang)}
    />
  );

  if (screen !== "form" || !survey) {
    return <PublicLinkScreen screen={screen === "form" ? "error" : screen} t={t} messages="surveys.public" onRetry={() => { setScreen("loading"); void load(lang ?? undefined); }} />;
  }

  const set = (id: string, value: Answer | undefined) => setAnswers((current) => {
    const next = { ...current };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[id];
    else next[id] = value;
    return next;
  });

  return (
    <Box component="main" py="md">
      <Container size={640} px="sm">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text size="sm" c="dimmed" truncate>{survey.accountName}</Text>
          {toggle}
        </Group>
        <Title order={1} size="h2" mb={4}>{survey.title}</Title>
        {survey.intro && <Text c="dimmed" mb="md" style={{ whiteSpace: "pre-wrap" }}>{survey.intro}</Text>}
        <Stack gap="md" mt="md">
          {survey.questions.map((q, index) => {
            const error = errors[q.id];
            const labelId = `q-${q.id}`;
            return (
              <Card key={q.id} withBorder radius="md" padding="md" component="section" aria-labelledby={labelId}>
                <Text id={labelId} fw={600} mb="sm">{index + 1}. {q.prompt}{q.required && <Text span c="red" aria-hidden> *</Text>}</Text>
                {q.kind === "nps" && (
                  <Stack gap="sm">
                    <ScoreButtons min={0} max={10} value={answers[q.id] as number | undefined} onChange={(v) => set(q.id, v)} label={q.prompt} low={t("surveys.public.npsLow")} high={t("surveys.public.npsHigh")} />
                    {answers[q.id] !== undefined && (
                      <Textarea label={q.followUp} value={comment} onChange={(e) => setComment(e.currentTarget.value)} rows={4} maxLength={survey.maxTextLength} size="md" />
                    )}
                  </Stack>
                )}
                {q.kind === "csat" && (
                  <ScoreButtons min={1} max={5} value={answers[q.id] as number | undefined} onChange={(v) => set(q.id, v)} label={q.prompt} low={t("surveys.public.csatLow")} high={t("surveys.public.csatHigh")} />
                )}
                {q.kind === "scale" && (
                  <ScoreButtons min={q.min} max={q.max} value={answers[q.id] as number | undefined} onChange={(v) => set(q.id, v)} label={q.prompt} low={q.minLabel} high={q.maxLabel} />
                )}
                {q.kind === "single_choice" && (
                  <Radio.Group value={(answers[q.id] as string | undefined) ?? null} onChange={(v) => set(q.id, v)} aria-labelledby={labelId}>
                    <Stack gap="sm">{q.options.map((o) => <Radio key={o.id} value={o.id} label={o.label} size="md" />)}</Stack>
                  </Radio.Group>
                )}
                {q.kind === "multiple_choice" && (
                  <Checkbox.Group value={(answers[q.id] as string[] | undefined) ?? []} onChange={(v) => set(q.id, v)} aria-labelledby={labelId}>
                    <Stack gap="sm">{q.options.map((o) => <Checkbox key={o.id} value={o.id} label={o.label} size="md" />)}</Stack>
                  </Checkbox.Group>
                )}
                {q.kind === "text" && (
                  <Textarea
                    aria-labelledby={labelId} value={(answers[q.id] as string | undefined) ?? ""} onChange={(e) => set(q.id, e.currentTarget.value || undefined)}
                    rows={4} maxLength={survey.maxTextLength} size="md"
                  />
                )}
                {error && <Text c="red" size="sm" mt="xs" role="alert">{error}</Text>}
              </Card>
            );
          })}
          {errors.comment && <Text c="red" size="sm" role="alert">{errors.comment}</Text>}
          {offline && <Alert color="orange" title={t("surveys.public.offlineTitle")} role="alert">{t("surveys.public.offlineText")}</Alert>}
          <Button size="lg" fullWidth loading={sending} onClick={() => void submit()}>{offline ? t("surveys.public.tryAgain") : t("surveys.public.submit")}</Button>
          <Text size="xs" c="dimmed" ta="center">{t("surveys.public.privacy")}</Text>
        </Stack>
      </Container>
    </Box>
  );
}
