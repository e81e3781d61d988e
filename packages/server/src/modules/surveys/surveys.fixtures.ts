/** A survey definition in both languages for the tests: NPS with its "why", CSAT and a free text. */
export const t2 = (en: string, zh: string) => ({ en, "zh-CN": zh });
export const QUARTERLY = {
  title: t2("Quarterly check-in", "季度回访"),
  intro: t2("Two minutes, please.", "占用您两分钟。"),
  questions: [
    { id: "nps", kind: "nps", required: true, prompt: t2("How likely are you to recommend us?", "您向同事推荐我们的可能性有多大？"), followUp: t2("Why?", "为什么？") },
    { id: "csat", kind: "csat", required: false, prompt: t2("How satisfied are you?", "您的满意度如何？") },
    { id: "else", kind: "text", required: false, prompt: t2("Anything else?", "还有其他意见吗？") },
  ],
};
