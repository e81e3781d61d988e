import { registerAnalysisJob } from "../modules/analytics/index";
import { registerImportJob } from "../modules/imports/index";
import { registerReminderJob } from "../modules/notifications/index";
import { registerSurveyScheduleJob } from "../modules/surveys/index";
import type { ModuleDeps } from "../modules/module";
import type { JobQueue } from "./job-queue";

/** Registers the background job handlers of every module. */
export function registerJobHandlers(jobs: JobQueue, deps: ModuleDeps): void {
  // Modules with background work (imports, reminders) register their handlers here.
  registerImportJob(jobs, deps);
  registerAnalysisJob(jobs, deps);
  registerReminderJob(jobs, deps);
  registerSurveyScheduleJob(jobs, deps);
}
