export { notificationsRoutes } from "./notifications.routes";
export { CADENCE_REMINDERS_SCHEDULE, registerReminderJob } from "./reminders";
