export { newPublicToken, parsePublicToken, type PublicToken } from "./public-token";
export { assertPublicRateLimit, PUBLIC_RATE_LIMITS, type PublicRateLimit } from "./public-rate-limit";
export { linkExpired, linkNotFound, openPublicLink } from "./open-link";
export { keepAnswersPrivate } from "./private-answers";
