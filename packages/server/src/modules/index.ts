import { accountsRoutes } from "./accounts/accounts.routes";
import { contactsRoutes } from "./contacts/contacts.routes";
import { productsRoutes } from "./products/products.routes";
import { teamRoutes } from "./team/team.routes";
import { usersRoutes } from "./users/users.routes";
import { profileRoutes } from "./users/profile.routes";
import { tokensRoutes } from "./tokens/tokens.routes";
import { organizationRoutes } from "./organization/organization.routes";
import { viewsRoutes } from "./views/views.routes";
import { searchRoutes } from "./search/search.routes";
import { ordersRoutes } from "./orders/orders.routes";
import { interactionsRoutes } from "./interactions/interactions.routes";
import { tasksRoutes } from "./tasks/tasks.routes";
import { summaryRoutes } from "./summary/summary.routes";
import { importsRoutes } from "./imports/imports.routes";
import { exportsRoutes } from "./exports/exports.routes";
import { accountAnalyticsRoutes, analyticsRoutes } from "./analytics/index";
import { accountCadenceRoutes, cadenceRoutes } from "./cadence/index";
import { relationshipRoutes, stakeholderMapRoutes } from "./stakeholders/index";
import { notificationsRoutes } from "./notifications/index";
import { accountCommentsRoutes, commentsRoutes } from "./comments/index";
import { activityFeedRoutes } from "./activity-feed/index";
import { accountServiceScopeRoutes, casesRoutes, serviceRoutes } from "./service/index";
import { accountPlansRoutes, plansRoutes, planTemplatesRoutes } from "./plans/index";
import { teamLoadRoutes } from "./team-load/index";
import { programmeRoutes } from "./programme/index";
import { kpisRoutes, scorecardsRoutes } from "./kpis/index";
import { accountEffortRoutes, effortRoutes } from "./effort/index";
import { accountReviewsRoutes, publicReviewRoutes, reviewsRoutes } from "./reviews/index";
import { accountInitiativeRoutes, accountOpportunityRoutes, initiativeRoutes, journeyRoutes, opportunityRoutes, whitespaceRoutes } from "./growth/index";
import { accountFeedbackRoutes, feedbackRoutes } from "./feedback/index";
import { programmeDashboardRoutes, qbrRoutes } from "./reports/index";
import { publicSurveyRoutes, surveyResultsRoutes, surveysRoutes } from "./surveys/index";
import type { ModuleDeps, ModulePlugin } from "./module";

/** Every module's routes and where they are mounted. Add a module here and nowhere else. */
export const MODULES: Array<{ prefix: string; routes: (deps: ModuleDeps) => ModulePlugin }> = [
  { prefix: "/api/accounts", routes: accountsRoutes },
  { prefix: "/api/accounts", routes: teamRoutes },
  { prefix: "/api/contacts", routes: contactsRoutes },
  { prefix: "/api/products", routes: productsRoutes },
  { prefix: "/api/users", routes: usersRoutes },
  { prefix: "/api/profile", routes: profileRoutes },
  { prefix: "/api/tokens", routes: tokensRoutes },
  { prefix: "/api/organization", routes: organizationRoutes },
  { prefix: "/api/views", routes: viewsRoutes },
  { prefix: "/api/search", routes: searchRoutes },
  { prefix: "/api/orders", routes: ordersRoutes },
  { prefix: "/api/interactions", routes: interactionsRoutes },
  { prefix: "/api/tasks", routes: tasksRoutes },
  { prefix: "/api/accounts", routes: summaryRoutes },
  { prefix: "/api/imports", routes: importsRoutes },
  { prefix: "/api/exports", routes: exportsRoutes },
  { prefix: "/api/analytics", routes: analyticsRoutes },
  { prefix: "/api/accounts", routes: accountAnalyticsRoutes },
  { prefix: "/api/cadence", routes: cadenceRoutes },
  { prefix: "/api/accounts", routes: accountCadenceRoutes },
  { prefix: "/api/accounts", routes: stakeholderMapRoutes },
  { prefix: "/api/contacts", routes: relationshipRoutes },
  { prefix: "/api/notifications", routes: notificationsRoutes },
  { prefix: "/api/accounts", routes: accountCommentsRoutes },
  { prefix: "/api/comments", routes: commentsRoutes },
  { prefix: "/api/activity-feed", routes: activityFeedRoutes },
  { prefix: "/api/service", routes: serviceRoutes },
  { prefix: "/api/cases", routes: casesRoutes },
  { prefix: "/api/accounts", routes: accountServiceScopeRoutes },
  { prefix: "/api/plan-templates", routes: planTemplatesRoutes },
  { prefix: "/api/accounts", routes: accountPlansRoutes },
  { prefix: "/api/plans", routes: plansRoutes },
  { prefix: "/api/team-load", routes: teamLoadRoutes },
  { prefix: "/api/programme", routes: programmeRoutes },
  { prefix: "/api/kpis", routes: kpisRoutes },
  { prefix: "/api/scorecards", routes: scorecardsRoutes },
  { prefix: "/api/effort", routes: effortRoutes },
  { prefix: "/api/accounts", routes: accountEffortRoutes },
  { prefix: "/api/reviews", routes: reviewsRoutes },
  { prefix: "/api/accounts", routes: accountReviewsRoutes },
  { prefix: "/api/public/reviews", routes: publicReviewRoutes },
  { prefix: "/api/accounts", routes: accountOpportunityRoutes },
  { prefix: "/api/opportunities", routes: opportunityRoutes },
  { prefix: "/api/accounts", routes: whitespaceRoutes },
  { prefix: "/api/accounts", routes: accountInitiativeRoutes },
  { prefix: "/api/initiatives", routes: initiativeRoutes },
  { prefix: "/api/accounts", routes: journeyRoutes },
  { prefix: "/api/accounts", routes: qbrRoutes },
  { prefix: "/api/programme", routes: programmeDashboardRoutes },
  { prefix: "/api/feedback", routes: feedbackRoutes },
  { prefix: "/api/accounts", routes: accountFeedbackRoutes },
  { prefix: "/api/surveys", routes: surveysRoutes },
  { prefix: "/api/survey-results", routes: surveyResultsRoutes },
  { prefix: "/api/public/surveys", routes: publicSurveyRoutes },
];
