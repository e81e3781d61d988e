export { accountReviewsRoutes, reviewsRoutes } from "./reviews.routes";
export { publicReviewRoutes } from "./public-reviews.routes";
