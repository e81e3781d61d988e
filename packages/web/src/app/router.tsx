import { createBrowserRouter, type RouteObject } from "react-router";
import { RequireSession } from "../features/auth/RequireSession";
import { SignInPage } from "../features/auth/SignInPage";
import { AppLayout } from "../features/shell/AppLayout";
import { RouteError } from "../features/shell/RouteError";
import { PageLoading } from "../components/PageLoading";
import { loadEChart } from "../components/charts/LazyChart";
import { loadAllLanguages } from "../lib/i18n/i18n";

/**
 * Every page has its own URL and is loaded on first visit (route-level code
 * splitting). A feature adds its pages here: `lazy: page(() => import(...))`.
 */
const page = <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) => async () => {
  const module = await load();
  return { Component: module[name] as React.ComponentType };
};

/** A page that shows or writes text in both languages, whatever the interface speaks. */
const bilingual = <M,>(load: () => Promise<M>) => () => Promise.all([load(), loadAllLanguages()]).then(([module]) => module);

export const routes: RouteObject[] = [
  { path: "/sign-in", Component: SignInPage },
  // A customer's survey link: public, outside the app shell, loaded only when opened.
  { path: "/s/:token", HydrateFallback: PageLoading, lazy: page(bilingual(() => import("../features/surveys/PublicSurveyPage")), "PublicSurveyPage") },
  { path: "/r/:token", HydrateFallback: PageLoading, lazy: page(bilingual(() => import("../features/reviews/PublicReviewPage")), "PublicReviewPage") },
  {
    Component: RequireSession,
    // Shown while the first page's code loads: a URL opened directly renders nothing until its lazy route resolves.
    HydrateFallback: PageLoading,
    errorElement: <RouteError />,
    children: [{
      Component: AppLayout,
      children: [
        { index: true, lazy: page(() => import("../features/dashboard/DashboardPage"), "DashboardPage") },
        {
          path: "identify",
          lazy: page(() => import("../features/identify/IdentifyPage"), "IdentifyPage"),
          children: [
            { index: true, lazy: page(() => import("../features/identify/OverviewView"), "OverviewView") },
            { path: "runs", lazy: page(() => import("../features/identify/RunsView"), "RunsView") },
            { path: "runs/:id", lazy: page(() => import("../features/identify/RunView"), "RunView") },
            { path: "compare", lazy: page(() => import("../features/identify/CompareView"), "CompareView") },
            { path: "rules", lazy: page(() => import("../features/identify/RulesView"), "RulesView") },
          ],
        },
        { path: "accounts", lazy: page(() => import("../features/accounts/AccountsPage"), "AccountsPage") },
        {
          path: "accounts/:id",
          // The revenue chart is the page's main content: fetch echarts alongside the page's own code.
          lazy: page(() => {
            void loadEChart();
            return import("../features/account360/Account360Page");
          }, "Account360Page"),
        },
        { path: "accounts/:id/plans/:planId", lazy: page(() => import("../features/plans/PlanPage"), "PlanPage") },
        { path: "accounts/:id/qbr", lazy: page(() => import("../features/reports/QbrPage"), "QbrPage") },
        { path: "contacts", lazy: page(() => import("../features/contacts/ContactsPage"), "ContactsPage") },
        { path: "contacts/:id", lazy: page(() => import("../features/contacts/ContactPage"), "ContactPage") },
        { path: "orders", lazy: page(() => import("../features/orders/OrdersPage"), "OrdersPage") },
        { path: "orders/:id", lazy: page(() => import("../features/orders/OrderPage"), "OrderPage") },
        { path: "interactions", lazy: page(() => import("../features/interactions/InteractionsPage"), "InteractionsPage") },
        { path: "interactions/:id", lazy: page(() => import("../features/interactions/InteractionPage"), "InteractionPage") },
        { path: "cadence", lazy: page(() => import("../features/cadence/CadencePage"), "CadencePage") },
        { path: "cases", lazy: page(() => import("../features/service/CasesPage"), "CasesPage") },
        { path: "cases/:id", lazy: page(() => import("../features/service/CasePage"), "CasePage") },
        { path: "tasks", lazy: page(() => import("../features/tasks/TasksPage"), "TasksPage") },
        { path: "tasks/board", lazy: page(() => import("../features/task-board/TaskBoardPage"), "TaskBoardPage") },
        { path: "imports", lazy: page(() => import("../features/imports/ImportsPage"), "ImportsPage") },
        { path: "imports/:id", lazy: page(() => import("../features/imports/ImportPage"), "ImportPage") },
        { path: "notifications", lazy: page(() => import("../features/notifications/NotificationsPage"), "NotificationsPage") },
        { path: "team", lazy: page(() => import("../features/team-load/TeamLoadPage"), "TeamLoadPage") },
        { path: "programme", lazy: page(() => import("../features/programme/ProgrammePage"), "ProgrammePage") },
        {
          path: "programme/dashboard",
          lazy: page(() => {
            void loadEChart();
            return import("../features/reports/ProgrammeDashboardPage");
          }, "ProgrammeDashboardPage"),
        },
        { path: "kpis", lazy: page(() => import("../features/kpis/KpiLibraryPage"), "KpiLibraryPage") },
        { path: "kpis/scorecards", lazy: page(() => import("../features/kpis/ScorecardsPage"), "ScorecardsPage") },
        { path: "kpis/:key", lazy: page(() => import("../features/kpis/KpiDefinitionPage"), "KpiDefinitionPage") },
        { path: "pipeline", lazy: page(() => import("../features/growth/PipelinePage"), "PipelinePage") },
        { path: "feedback", lazy: page(() => import("../features/feedback/FeedbackPage"), "FeedbackPage") },
        { path: "feedback/:id", lazy: page(() => import("../features/feedback/FeedbackItemPage"), "FeedbackItemPage") },
        { path: "accounts/:id/feedback/report", lazy: page(() => import("../features/feedback/FeedbackReportPage"), "FeedbackReportPage") },
        { path: "effort", lazy: page(() => import("../features/effort/EffortPage"), "EffortPage") },
        { path: "reviews", lazy: page(() => import("../features/reviews/MyReviewsPage"), "MyReviewsPage") },
        { path: "reviews/:id", lazy: page(() => import("../features/reviews/ReviewPage"), "ReviewPage") },
        { path: "surveys", lazy: page(() => import("../features/surveys/SurveysPage"), "SurveysPage") },
        { path: "surveys/new", lazy: page(bilingual(() => import("../features/surveys/SurveyBuilderPage")), "SurveyBuilderPage") },
        { path: "surveys/:id", lazy: page(() => import("../features/surveys/SurveyPage"), "SurveyPage") },
        { path: "surveys/:id/edit", lazy: page(bilingual(() => import("../features/surveys/SurveyBuilderPage")), "SurveyBuilderPage") },
        { path: "settings/:tab?", lazy: page(() => import("../features/settings/SettingsPage"), "SettingsPage") },
        { path: "*", lazy: page(() => import("../features/shell/NotFoundPage"), "NotFoundPage") },
      ],
    }],
  },
];

export const createRouter = () => createBrowserRouter(routes);
