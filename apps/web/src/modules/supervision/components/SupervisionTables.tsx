import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import type {
  Escalation,
  ExtensionRequest,
  SupervisedTask,
  SupervisionExportTable,
} from '@onewindow/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { exportHref, type OverviewQuery } from '../api/supervision.api';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The XLSX export of a table, with the same query as the page (GET, so the browser downloads it). */
export function ExportButton({ table, query }: { table: SupervisionExportTable; query: object }) {
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
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">{t('supervision.extensions.hint')}</Typography.Text>
        <ExportButton table="extensions" query={query} />
      </Space>
      <Table<ExtensionRequest>
        size="small"
        rowKey={(r) => `${r.caseNo}:${r.stepId}`}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('supervision.extensions.empty') }}
        onRow={() => ({ 'data-testid': 'extension-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('supervision.columns.caseNo'),
            dataIndex: 'caseNo',
            render: (caseNo: string) => <CaseLink caseNo={caseNo} onOpen={onOpenCase} />,
          },
          { title: t('supervision.columns.step'), dataIndex: 'stepName' },
          { title: t('supervision.columns.department'), dataIndex: 'departmentName' },
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
    </Space>
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
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">{t(`supervision.tasks.${table}Hint`)}</Typography.Text>
        <ExportButton table={table} query={query} />
      </Space>
      <Table<SupervisedTask>
        size="small"
        rowKey={(r) => `${r.caseNo}:${r.stepId}`}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t(`supervision.tasks.${table}Empty`) }}
        onRow={() => ({ 'data-testid': `${table}-row` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('supervision.columns.caseNo'),
            dataIndex: 'caseNo',
            render: (caseNo: string) => <CaseLink caseNo={caseNo} onOpen={onOpenCase} />,
          },
          { title: t('supervision.columns.step'), dataIndex: 'stepName' },
          { title: t('supervision.columns.department'), dataIndex: 'departmentName' },
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
    </Space>
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
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">{t('supervision.escalations.hint')}</Typography.Text>
        <ExportButton table="escalations" query={query} />
      </Space>
      <Table<Escalation>
        size="small"
        rowKey={(r) => `${r.caseNo}:${r.stepId}:${r.escalatedAt}`}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('supervision.escalations.empty') }}
        columns={[
          {
            title: t('supervision.columns.caseNo'),
            dataIndex: 'caseNo',
            render: (caseNo: string) => <CaseLink caseNo={caseNo} onOpen={onOpenCase} />,
          },
          { title: t('supervision.columns.step'), dataIndex: 'stepId' },
          { title: t('supervision.columns.department'), dataIndex: 'departmentName' },
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
    </Space>
  );
}
