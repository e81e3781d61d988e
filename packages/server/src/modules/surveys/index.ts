export { surveysRoutes } from "./surveys.routes";
export { surveyResultsRoutes } from "./survey-results.routes";
export { publicSurveyRoutes } from "./public-surveys.routes";
export { registerSurveyScheduleJob, SURVEY_SCHEDULES_SCHEDULE } from "./survey-schedules.job";
