export { activityFeedRoutes } from "./activity-feed.routes";
