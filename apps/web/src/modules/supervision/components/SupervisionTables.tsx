import { Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { BellOutlined, CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import type {
  DemandExportTable,
  Escalation,
  ExtensionRequest,
  SupervisedTask,
  SupervisionExportTable,
} from '@onewindow/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { exportHref, type OverviewQuery } from '../api/supervision.api';
import { centreTime } from '../../../ui/centre-day';

// A column's render gets (value, row, index): only the value is an instant.
const at = (iso: string) => centreTime(iso);

/** The XLSX export of a table, with the same query as the page (GET, so the browser downloads it). */
export function ExportButton({
  table,
  query,
}: {
  table: SupervisionExportTable | DemandExportTable;
  query: object;
}) {
  const { t } = useTranslation();
  return (
    <Button
      icon={<DownloadOutlined />}
      href={exportHref(table, query as OverviewQuery)}
      data-testid={`export-${table}`}
    >
      {t('supervision.export')}
    </Button>
  );
}

function CaseLink({ caseNo, onOpen }: { caseNo: string; onOpen: (caseNo: string) => void }) {
  return (
    <Typography.Link onClick={() => onOpen(caseNo)} data-testid="case-link" style={{ whiteSpace: 'nowrap' }}>
      {caseNo}
    </Typography.Link>
  );
}

/** The columns every list starts with: the case (opens its file), the step and the department. */
function leadingColumns<T extends { caseNo: string; departmentName: string }>(
  t: TFunction,
  onOpenCase: (caseNo: string) => void,
  step: 'stepName' | 'stepId',
): TableColumnsType<T> {
  return [
    {
      title: t('supervision.columns.caseNo'),
      dataIndex: 'caseNo',
      render: (caseNo: string) => <CaseLink caseNo={caseNo} onOpen={onOpenCase} />,
    },
    { title: t('supervision.columns.step'), dataIndex: step },
    { title: t('supervision.columns.department'), dataIndex: 'departmentName' },
  ];
}

/** A list of the workspace: its hint and XLSX export above the table (20 rows a page). */
function SupervisionList<T extends object>({
  table,
  hint,
  empty,
  rows,
  rowKey,
  rowTestId,
  query,
  columns,
}: {
  table: SupervisionExportTable;
  hint: string;
  empty: string;
  rows: T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
  query: OverviewQuery;
  columns: TableColumnsType<T>;
}) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">{hint}</Typography.Text>
        <ExportButton table={table} query={query} />
      </Space>
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: empty }}
        onRow={
          rowTestId ? () => ({ 'data-testid': rowTestId }) as React.HTMLAttributes<HTMLElement> : undefined
        }
        columns={columns}
      />
    </Space>
  );
}

export function ExtensionTable({
  rows,
  query,
  onOpenCase,
  onApprove,
}: {
  rows: ExtensionRequest[];
  query: OverviewQuery;
  onOpenCase: (caseNo: string) => void;
  onApprove: (request: ExtensionRequest) => void;
}) {
  const { t } = useTranslation();
  return (
    <SupervisionList<ExtensionRequest>
      table="extensions"
      hint={t('supervision.extensions.hint')}
      empty={t('supervision.extensions.empty')}
      rows={rows}
      rowKey={(r) => `${r.caseNo}:${r.stepId}`}
      rowTestId="extension-row"
      query={query}
      columns={[
        ...leadingColumns<ExtensionRequest>(t, onOpenCase, 'stepName'),
        {
          title: t('supervision.columns.days'),
          dataIndex: 'days',
          render: (days: number) => t('supervision.workingDays', { n: days }),
        },
        { title: t('supervision.columns.reason'), dataIndex: 'reason', ellipsis: true },
        { title: t('supervision.columns.requestedBy'), render: (_, r) => r.requestedBy.name },
        { title: t('supervision.columns.requestedAt'), dataIndex: 'requestedAt', render: at },
        { title: t('supervision.columns.statutoryDue'), dataIndex: 'statutoryDueDate' },
        {
          title: t('supervision.columns.actions'),
          render: (_, r) => (
            <Button
              type="primary"
              size="small"
              icon={<CheckOutlined />}
              onClick={() => onApprove(r)}
              data-testid="approve-extension"
            >
              {t('supervision.extensions.approve')}
            </Button>
          ),
        },
      ]}
    />
  );
}

export function TaskTable({
  table,
  rows,
  query,
  onOpenCase,
  onRemind,
}: {
  table: 'overdue' | 'at-risk';
  rows: SupervisedTask[];
  query: OverviewQuery;
  onOpenCase: (caseNo: string) => void;
  onRemind: (task: SupervisedTask) => void;
}) {
  const { t } = useTranslation();
  return (
    <SupervisionList<SupervisedTask>
      table={table}
      hint={t(`supervision.tasks.${table}Hint`)}
      empty={t(`supervision.tasks.${table}Empty`)}
      rows={rows}
      rowKey={(r) => `${r.caseNo}:${r.stepId}`}
      rowTestId={`${table}-row`}
      query={query}
      columns={[
        ...leadingColumns<SupervisedTask>(t, onOpenCase, 'stepName'),
        {
          title: t('supervision.columns.holders'),
          render: (_, r) => r.holders.map((h) => h.name).join('、') || t('supervision.tasks.group'),
        },
        { title: t('supervision.columns.due'), dataIndex: 'dueDate' },
        {
          title: t('supervision.columns.left'),
          dataIndex: 'workingDaysLeft',
          render: (n: number) => (
            <Tag color={n < 0 ? 'red' : n === 0 ? 'orange' : 'gold'}>
              {n < 0 ? t('supervision.tasks.overdueBy', { n: -n }) : t('supervision.workingDays', { n })}
            </Tag>
          ),
        },
        { title: t('supervision.columns.statutoryDue'), dataIndex: 'statutoryDueDate' },
        {
          title: t('supervision.columns.reminders'),
          dataIndex: 'reminders',
          render: (n: number) => (n > 0 ? <Tag icon={<BellOutlined />}>{n}</Tag> : '—'),
        },
        {
          title: t('supervision.columns.actions'),
          render: (_, r) => (
            <Button size="small" icon={<BellOutlined />} onClick={() => onRemind(r)} data-testid="remind">
              {t('supervision.tasks.remind')}
            </Button>
          ),
        },
      ]}
    />
  );
}

export function EscalationTable({
  rows,
  query,
  onOpenCase,
}: {
  rows: Escalation[];
  query: OverviewQuery;
  onOpenCase: (caseNo: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SupervisionList<Escalation>
      table="escalations"
      hint={t('supervision.escalations.hint')}
      empty={t('supervision.escalations.empty')}
      rows={rows}
      rowKey={(r) => `${r.caseNo}:${r.stepId}:${r.escalatedAt}`}
      query={query}
      columns={[
        ...leadingColumns<Escalation>(t, onOpenCase, 'stepId'),
        {
          title: t('supervision.columns.leads'),
          render: (_, r) =>
            r.leads.length > 0 ? (
              r.leads.map((l) => l.name).join('、')
            ) : (
              <Tooltip title={t('supervision.escalations.noLeadHint')}>
                <Tag color="warning">{t('supervision.escalations.noLead')}</Tag>
              </Tooltip>
            ),
        },
        { title: t('supervision.columns.due'), dataIndex: 'dueDate' },
        { title: t('supervision.columns.escalatedAt'), dataIndex: 'escalatedAt', render: at },
        {
          title: t('supervision.columns.state'),
          dataIndex: 'open',
          render: (open: boolean) =>
            open ? (
              <Tag color="red">{t('supervision.escalations.open')}</Tag>
            ) : (
              <Tag>{t('supervision.escalations.closed')}</Tag>
            ),
        },
      ]}
    />
  );
}
