import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { criteriaProblems, criterionLabel, DEFAULT_REVIEW_CRITERIA, ratingProblems, REVIEW_VIEWS, summarizeReview, type ReviewCriterion } from "./index";

const criteria: ReviewCriterion[] = [
  { key: "responsiveness", labels: { en: "Responsiveness", "zh-CN": "响应速度" } },
  { key: "value_delivered", labels: { en: "Value delivered", "zh-CN": "" } },
];

describe("summarizeReview", () => {
  it("averages each view, weighs views equally in the overall score and highlights gaps of a point or more", () => {
    const s = summarizeReview(criteria, [
      { view: "team", ratings: { responsiveness: 5, value_delivered: 4 } },
      { view: "team", ratings: { responsiveness: 4, value_delivered: null } },
      { view: "team", ratings: { responsiveness: 4, value_delivered: 4 } },
      { view: "self", ratings: { responsiveness: 5, value_delivered: 4 } },
      { view: "customer", ratings: { responsiveness: 3, value_delivered: 3 } },
    ]);
    const [resp, value] = s.criteria;
    // team 13/3 = 4.33, self 5, customer 3: overall (4.33 + 5 + 3) / 3 = 4.11.
    expect(resp).toMatchObject({ averages: { team: 4.33, director: null, self: 5, customer: 3 }, counts: { team: 3, director: 0, self: 1, customer: 1 }, overall: 4.11, spread: 2 });
    expect(resp!.gaps).toEqual([
      { criterionKey: "responsiveness", higher: "team", lower: "customer", difference: 1.33 },
      { criterionKey: "responsiveness", higher: "self", lower: "customer", difference: 2 },
    ]);
    // Exactly 1.0 meets the threshold.
    expect(value!.averages).toEqual({ team: 4, director: null, self: 4, customer: 3 });
    expect(value!.gaps.map((g) => [g.higher, g.lower, g.difference])).toEqual([["team", "customer", 1], ["self", "customer", 1]]);
    expect(s.viewOverall).toMatchObject({ director: null, self: 4.5, customer: 3 });
    expect(s.gaps.map((g) => [g.criterionKey, g.higher, g.difference])).toEqual([
      ["responsiveness", "self", 2], ["responsiveness", "team", 1.33], ["value_delivered", "team", 1], ["value_delivered", "self", 1],
    ]);
  });

  it("treats a difference of exactly the threshold as a gap and a configured threshold as the bar", () => {
    const answers = [{ view: "director" as const, ratings: { responsiveness: 4 } }, { view: "customer" as const, ratings: { responsiveness: 3 } }];
    expect(summarizeReview(criteria, answers).gaps).toHaveLength(1);
    expect(summarizeReview(criteria, answers, 1.5).gaps).toHaveLength(0);
  });

  it("has no scores and no gaps before anyone answered", () => {
    const s = summarizeReview(criteria, []);
    expect(s.overall).toBeNull();
    expect(s.criteria[0]).toMatchObject({ overall: null, spread: null, gaps: [] });
  });

  it("keeps every average and the overall within the 1-5 scale", () => {
    const answer = fc.record({
      view: fc.constantFrom(...REVIEW_VIEWS),
      ratings: fc.record({ responsiveness: fc.option(fc.integer({ min: 1, max: 5 })), value_delivered: fc.option(fc.integer({ min: 1, max: 5 })) }),
    });
    fc.assert(fc.property(fc.array(answer, { maxLength: 20 }), (answers) => {
      const s = summarizeReview(criteria, answers);
      for (const c of s.criteria) {
        for (const v of [...Object.values(c.averages), c.overall]) if (v !== null) expect(v >= 1 && v <= 5).toBe(true);
        for (const g of c.gaps) expect(g.difference).toBeGreaterThanOrEqual(1);
      }
    }));
  });
});

describe("validation", () => {
  it("refuses unknown criteria, scores off the scale and an answer with nothing rated", () => {
    expect(ratingProblems(criteria, { responsiveness: 5, value_delivered: null })).toEqual([]);
    expect(ratingProblems(criteria, { responsiveness: 0, nope: 3 }).map((p) => p.field)).toEqual(["ratings.responsiveness", "ratings.nope"]);
    expect(ratingProblems(criteria, { responsiveness: 2.5 })[0]!.field).toBe("ratings.responsiveness");
    expect(ratingProblems(criteria, { responsiveness: null })).toEqual([{ field: "ratings", message: "Rate at least one criterion" }]);
  });

  it("checks the criteria a director configures", () => {
    expect(criteriaProblems(DEFAULT_REVIEW_CRITERIA)).toEqual([]);
    expect(criteriaProblems([])[0]!.field).toBe("criteria");
    expect(criteriaProblems([...criteria, criteria[0]!]).map((p) => p.field)).toEqual(["criteria.2.key"]);
    expect(criteriaProblems([{ key: "Bad Key", labels: { en: "x", "zh-CN": "x" } }]).map((p) => p.field)).toEqual(["criteria.0.key"]);
  });

  it("labels a criterion in the language asked for, falling back to English", () => {
    expect(criterionLabel(criteria[0]!, "zh-CN")).toBe("响应速度");
    expect(criterionLabel(criteria[1]!, "zh-CN")).toBe("Value delivered");
  });
});
