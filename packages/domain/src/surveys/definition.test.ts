import { describe, expect, it } from "vitest";
import { checkResponse } from "./answers";
import { invitationLanguage, localizeQuestion, validateSurveyDefinition, type SurveyDefinition } from "./definition";

const t = (en: string, zh = `${en}（中）`) => ({ en, "zh-CN": zh });

const survey: SurveyDefinition = {
  title: t("Quarterly check-in"),
  questions: [
    { id: "nps", kind: "nps", required: true, prompt: t("How likely are you to recommend us?"), followUp: t("Why?") },
    { id: "csat", kind: "csat", required: false, prompt: t("How satisfied are you?") },
    { id: "speed", kind: "scale", required: false, prompt: t("Speed"), min: 1, max: 7 },
    { id: "area", kind: "single_choice", required: false, prompt: t("Area"), options: [{ id: "sales", label: t("Sales") }, { id: "support", label: t("Support") }] },
    { id: "topics", kind: "multiple_choice", required: false, prompt: t("Topics"), options: [{ id: "price", label: t("Price") }, { id: "quality", label: t("Quality") }] },
    { id: "else", kind: "text", required: false, prompt: t("Anything else?") },
  ],
};

describe("survey definitions", () => {
  it("accept a complete survey in both languages", () => {
    expect(validateSurveyDefinition(survey)).toEqual([]);
  });

  it("name each problem by its field", () => {
    const broken: SurveyDefinition = {
      title: { en: "Check-in", "zh-CN": " " },
      questions: [
        { id: "nps", kind: "nps", required: true, prompt: t("A"), followUp: { en: "", "zh-CN": "为什么" } },
        { id: "nps", kind: "nps", required: true, prompt: t("B"), followUp: t("Why") },
        { id: "Bad Id", kind: "scale", required: false, prompt: t("C"), min: 5, max: 5 },
        { id: "c", kind: "single_choice", required: false, prompt: t("D"), options: [{ id: "a", label: t("A") }] },
      ],
    };
    expect(validateSurveyDefinition(broken).map((e) => e.field)).toEqual([
      "title.zh-CN", "questions.0.followUp.en", "questions.1.id", "questions.2.id", "questions.2.max", "questions.3.options", "questions",
    ]);
    expect(validateSurveyDefinition({ title: t("Empty"), questions: [] })).toEqual([{ field: "questions", message: "Add at least one question" }]);
  });

  it("are shown in one language", () => {
    expect(localizeQuestion(survey.questions[3]!, "zh-CN")).toEqual({
      id: "area", kind: "single_choice", required: false, prompt: "Area（中）", options: [{ id: "sales", label: "Sales（中）" }, { id: "support", label: "Support（中）" }],
    });
    expect(localizeQuestion(survey.questions[2]!, "en")).toMatchObject({ minLabel: null, maxLabel: null, min: 1, max: 7 });
  });
});

describe("responses", () => {
  it("pull out the NPS and CSAT scores and keep texts exactly as written", () => {
    const { errors, response } = checkResponse(survey, { nps: 3, csat: 2, speed: 7, area: "support", topics: ["price"], else: "  <script>alert(1)</script>  " }, " Too slow ");
    expect(errors).toEqual([]);
    expect(response).toEqual({
      npsScore: 3, csatScore: 2, comment: " Too slow ",
      answers: { nps: 3, csat: 2, speed: 7, area: "support", topics: ["price"], else: "  <script>alert(1)</script>  " },
    });
  });

  it("refuse missing, foreign, out-of-range and oversized answers, per field", () => {
    const { errors } = checkResponse(survey, { csat: 6, speed: 0, area: "hr", topics: ["price", "price"], else: "x".repeat(4_001), extra: 1 }, "y".repeat(4_001));
    expect(errors.map((e) => e.field)).toEqual(["answers.extra", "answers.nps", "answers.csat", "answers.speed", "answers.area", "answers.topics", "answers.else", "comment"]);
    expect(checkResponse(survey, { nps: 10.5 }, null).errors.map((e) => e.field)).toEqual(["answers.nps"]);
    expect(checkResponse(survey, { nps: "9" }, null).errors.map((e) => e.field)).toEqual(["answers.nps"]);
    expect(checkResponse(survey, { nps: 9, __proto__: 1 } as never, null).errors).toEqual([]);
  });

  it("treat empty optional answers as unanswered", () => {
    expect(checkResponse(survey, { nps: 0, else: "   ", topics: [] }, "").response).toEqual({ npsScore: 0, csatScore: null, comment: null, answers: { nps: 0 } });
  });
});

describe("invitation language", () => {
  it("is the account's language, else its country's, else the fallback", () => {
    expect(invitationLanguage({ accountLanguage: "zh-cn", country: "US", fallback: "en" })).toBe("zh-CN");
    expect(invitationLanguage({ accountLanguage: "en-GB", country: "CN", fallback: "zh-CN" })).toBe("en");
    expect(invitationLanguage({ accountLanguage: null, country: "HK", fallback: "en" })).toBe("zh-CN");
    expect(invitationLanguage({ accountLanguage: null, country: "DE", fallback: "zh-CN" })).toBe("en");
    expect(invitationLanguage({ accountLanguage: "fr", country: null, fallback: "zh-CN" })).toBe("zh-CN");
  });
});
