import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt, mentionsInText, splitMentions } from "./mention-text";

describe("mention text", () => {
  it("finds the @query being typed at the caret, not an e-mail address or a finished word", () => {
    expect(mentionQueryAt("Hi @wa", 6)).toEqual({ start: 3, query: "wa" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail kim@example.com", 20)).toBeNull();
    expect(mentionQueryAt("Hi @wang and", 12)).toBeNull();
    expect(mentionQueryAt("Hi @wa more", 6)).toEqual({ start: 3, query: "wa" });
  });

  it("replaces the query with the picked name and moves the caret after it", () => {
    expect(insertMention("Hi @wa, see", 3, 6, "王小明")).toEqual({ text: "Hi @王小明 , see", caret: 8 });
  });

  it("keeps only mentions whose name is still in the text, once each", () => {
    const kim = { id: "1", name: "Kim" };
    const lee = { id: "2", name: "Lee" };
    expect(mentionsInText("@Kim and @Kim", [kim, lee, kim])).toEqual([kim]);
  });

  it("splits text into plain parts and mentions, longest name first", () => {
    const parts = splitMentions("<b>@Kim Lee</b> @Kim", [{ id: "1", name: "Kim" }, { id: "2", name: "Kim Lee" }]);
    expect(parts).toEqual([
      { text: "<b>" },
      { text: "@Kim Lee", mention: { id: "2", name: "Kim Lee" } },
      { text: "</b> " },
      { text: "@Kim", mention: { id: "1", name: "Kim" } },
    ]);
  });
});
