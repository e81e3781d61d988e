export { accountFeedbackRoutes, feedbackRoutes } from "./feedback.routes";
export { createFeedbackItem, type NewFeedbackItem } from "./feedback.service";
