import type { ComponentType } from 'react';
import type { AccessAction } from '@onewindow/contracts';
import {
  AuditOutlined,
  BookOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  SettingOutlined,
  SolutionOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';

export interface Workspace {
  key: string;
  path: string;
  /** i18n key of the menu label (nav.*). */
  labelKey: `nav.${string}`;
  /** i18n key of the one-line description (workspace.*). */
  descriptionKey?: `workspace.${string}`;
  icon: ComponentType;
  /** False while the page is a "coming soon" placeholder. */
  ready: boolean;
  children?: Workspace[];
  /** Shown only to users who may do this (the page checks its own grants again). */
  requires?: AccessAction;
  /** An applicant's page: framed by PublicLayout (no staff menu, no sign-in), still listed for the staff. */
  public?: true;
}

/** Every workspace in menu order; the router and the home page read the same list. */
export const workspaces: Workspace[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: HomeOutlined, ready: true },
  {
    key: 'window',
    path: '/window',
    labelKey: 'nav.window',
    icon: SolutionOutlined,
    ready: true,
    children: [
      {
        key: 'window-desk',
        path: '/window',
        labelKey: 'nav.windowDesk',
        descriptionKey: 'workspace.windowDesk',
        icon: SolutionOutlined,
        ready: true,
      },
      {
        key: 'checklist',
        path: '/checklist',
        labelKey: 'nav.checklist',
        descriptionKey: 'workspace.checklist',
        icon: UnorderedListOutlined,
        ready: true,
      },
    ],
  },
  {
    key: 'approvals',
    path: '/approvals',
    labelKey: 'nav.approvals',
    descriptionKey: 'workspace.approvals',
    icon: AuditOutlined,
    ready: true,
  },
  {
    key: 'supervision',
    path: '/supervision',
    labelKey: 'nav.supervision',
    descriptionKey: 'workspace.supervision',
    icon: FileDoneOutlined,
    ready: true,
  },
  {
    key: 'designer',
    path: '/designer',
    labelKey: 'nav.designer',
    descriptionKey: 'workspace.designer',
    icon: DeploymentUnitOutlined,
    ready: true,
  },
  {
    key: 'catalogue',
    path: '/catalogue',
    labelKey: 'nav.catalogue',
    descriptionKey: 'workspace.catalogue',
    icon: BookOutlined,
    ready: true,
  },
  {
    key: 'apply',
    path: '/apply',
    public: true,
    labelKey: 'nav.apply',
    descriptionKey: 'workspace.apply',
    icon: FormOutlined,
    ready: true,
  },
  {
    key: 'lookup',
    path: '/lookup',
    public: true,
    labelKey: 'nav.lookup',
    descriptionKey: 'workspace.lookup',
    icon: FileSearchOutlined,
    ready: true,
  },
  {
    key: 'status',
    path: '/status',
    labelKey: 'nav.status',
    descriptionKey: 'workspace.status',
    icon: DashboardOutlined,
    ready: true,
  },
  {
    key: 'admin',
    path: '/admin',
    labelKey: 'nav.admin',
    descriptionKey: 'workspace.admin',
    icon: SettingOutlined,
    ready: true,
    requires: 'user.manage',
  },
];

/** The workspaces a user may see (those without `requires` are for everyone). */
export const visibleTo = (can: (action: AccessAction) => boolean) => (workspace: Workspace) =>
  !workspace.requires || can(workspace.requires);

/** Leaf workspaces (what the home page lists and the router mounts). */
export const leafWorkspaces: Workspace[] = workspaces
  .flatMap((workspace) => workspace.children ?? [workspace])
  .filter((w) => w.key !== 'home');
