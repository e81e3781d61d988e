import { CADENCE_REMINDERS_SCHEDULE } from "../modules/notifications/index";
import { SURVEY_SCHEDULES_SCHEDULE } from "../modules/surveys/index";
import type { PeriodicJob } from "./schedules";

/** The jobs every organization gets once per period; each instance checks them (see schedules.ts). */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [CADENCE_REMINDERS_SCHEDULE, SURVEY_SCHEDULES_SCHEDULE];
