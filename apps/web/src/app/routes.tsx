import { lazy, Suspense } from 'react';
import { Outlet, type RouteObject } from 'react-router-dom';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { PublicLayout } from '../modules/layout/components/PublicLayout';
import { SessionProvider } from '../modules/session/components/SessionProvider';
import { leafWorkspaces } from '../modules/layout/workspaces';
import { AdminPage } from '../pages/AdminPage';
import { ApprovalsPage } from '../pages/ApprovalsPage';
import { CataloguePage } from '../pages/CataloguePage';
import { ChecklistPage } from '../pages/ChecklistPage';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PublicLookupPage } from '../pages/PublicLookupPage';
import { OnlineSubmissionPage, SubmissionStatusPage } from '../modules/online-submission';
import { CounterRatingPage } from '../modules/counter-rating';
import { StatusPage } from '../pages/StatusPage';
import { SupervisionPage } from '../pages/SupervisionPage';
import { WindowPage } from '../pages/WindowPage';

// bpmn-js is large: the designer loads in its own chunk when /designer is opened.
const DesignerPage = lazy(() => import('../pages/DesignerPage').then((m) => ({ default: m.DesignerPage })));

/** Pages that exist; every other workspace mounts its "coming soon" placeholder. */
const builtPages: Record<string, RouteObject['element']> = {
  status: <StatusPage />,
  catalogue: <CataloguePage />,
  checklist: <ChecklistPage />,
  lookup: <PublicLookupPage />,
  apply: <OnlineSubmissionPage />,
  approvals: <ApprovalsPage />,
  supervision: <SupervisionPage />,
  'window-desk': <WindowPage />,
  admin: <AdminPage />,
  designer: (
    <Suspense fallback={null}>
      <DesignerPage />
    </Suspense>
  ),
};

const pageOf = (workspace: (typeof leafWorkspaces)[number]): RouteObject => ({
  path: workspace.path.slice(1),
  element: builtPages[workspace.key] ?? (
    <ComingSoonPage labelKey={workspace.labelKey} descriptionKey={workspace.descriptionKey} />
  ),
});

export const routes: RouteObject[] = [
  {
    path: '/',
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          ...leafWorkspaces.filter((w) => !w.public).map(pageOf),
          { path: 'admin/:section', element: <AdminPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        element: <PublicLayout />,
        children: [
          ...leafWorkspaces.filter((w) => w.public).map(pageOf),
          // The applicant's status look-up of an online submission (the receipt links here).
          { path: 'apply/status', element: <SubmissionStatusPage /> },
          // 窗口评价器: the rating page the clerk opens for the applicant on the counter tablet.
          { path: 'window/rate/:caseNo', element: <CounterRatingPage /> },
        ],
      },
    ],
  },
];
