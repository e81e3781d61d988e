import type { TPublicReview, TPublicReviewAnswer, TPublicReviewAnswerRequest } from "@openkam/contracts";
import { forgetSubmission, getPublic, postPublic, submissionIdFor } from "../../lib/api/public-link";

/** The review page only ever talks to /api/public/reviews/{token}. */
const base = (token: string) => `/api/public/reviews/${encodeURIComponent(token)}`;

export const fetchPublicReview = (token: string) => getPublic<TPublicReview>(base(token));

export const submitPublicReview = (token: string, body: TPublicReviewAnswerRequest) =>
  postPublic<TPublicReviewAnswer>(`${base(token)}/ratings`, body);

export const reviewSubmissionId = (token: string) => submissionIdFor("review", token);
export const forgetReviewSubmission = (token: string) => forgetSubmission("review", token);
