import { describe, expect, it } from "vitest";
import { renderSurveyInvitationMail } from "./survey-mail";

const base = {
  to: "wang@customer.test", contactName: "Wang <script>x</script>\nBcc: evil@x.test", organizationName: "Acme & Co", title: "Check-in",
  link: "https://kam.example.test/s/abc.def", expiresAt: new Date("2026-05-01T00:00:00Z"),
};

describe("survey invitation e-mail", () => {
  it("carries the link in the invitation's language and keeps names on one line", () => {
    const en = renderSurveyInvitationMail({ ...base, language: "en" });
    expect(en.subject).toBe("Acme & Co: Check-in");
    expect(en.text).toContain("https://kam.example.test/s/abc.def");
    expect(en.text).toContain("works until 2026-05-01");
    expect(en.text.split("\n")[0]).toBe("Dear Wang <script>x</script> Bcc: evil@x.test,");
    const zh = renderSurveyInvitationMail({ ...base, title: "季度回访", language: "zh-CN" });
    expect(zh.subject).toBe("Acme & Co：季度回访");
    expect(zh.text).toContain("有效期至 2026-05-01");
  });

  it("escapes customer data in the HTML part", () => {
    const { html } = renderSurveyInvitationMail({ ...base, language: "en" });
    expect(html).not.toContain("<script>");
    expect(html).toContain("Wang &lt;script&gt;x&lt;/script&gt;");
    expect(html).toContain("Acme &amp; Co");
    expect(html).toContain('href="https://kam.example.test/s/abc.def"');
  });
});
