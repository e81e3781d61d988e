export { accountCommentsRoutes, commentsRoutes } from "./comments.routes";
