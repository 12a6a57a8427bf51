import { Badge, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { InboxTask, InboxView, TaskPage } from '@onewindow/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ClockStateTag } from './ClockStateTag';
import { TimeStatusTag } from './TimeStatusTag';

interface InboxTableProps {
  view: InboxView;
  page: TaskPage | undefined;
  loading: boolean;
  onOpen: (task: InboxTask) => void;
  onPage: (page: number, pageSize: number) => void;
  /** Row selection for the bulk actions (only where they apply). */
  selection?: { keys: string[]; onChange: (tasks: InboxTask[]) => void };
}

/** An inbox view's page: the server's order (least remaining time first) and pagination. */
export function InboxTable({ view, page, loading, onOpen, onPage, selection }: InboxTableProps) {
  const { t } = useTranslation();
  const done = view === 'done';
  const columns: TableProps<InboxTask>['columns'] = [
    {
      title: t('approvals.columns.caseNo'),
      dataIndex: 'caseNo',
      width: 170,
      fixed: 'left',
      render: (caseNo: string, task) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(task)}>
          {caseNo}
        </Button>
      ),
    },
    {
      title: t('approvals.columns.items'),
      key: 'items',
      render: (_, task) => (
        <Space orientation="vertical" size={0}>
          {task.items.map((i) => (
            <Typography.Text
              key={i.implementationCode}
              ellipsis={{ tooltip: i.name }}
              style={{ maxWidth: 260 }}
            >
              {i.name}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: t('approvals.columns.applicant'),
      key: 'applicant',
      width: 110,
      render: (_, task) => task.applicant.name,
    },
    { title: t('approvals.columns.step'), dataIndex: 'stepName', width: 150, ellipsis: true },
    {
      title: t('approvals.columns.arrived'),
      dataIndex: 'openedAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('approvals.columns.dueDate'),
      dataIndex: 'dueDate',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
    ...(done
      ? [
          {
            title: t('approvals.columns.outcome'),
            dataIndex: 'outcome',
            width: 100,
            render: (o: string | null) =>
              o ? t(`approvals.caseFile.outcomes.${o}`, { defaultValue: o }) : '—',
          },
          {
            title: t('approvals.columns.closedAt'),
            dataIndex: 'closedAt',
            width: 140,
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
        ]
      : [
          {
            title: t('approvals.columns.remaining'),
            key: 'remaining',
            width: 190,
            render: (_: unknown, task: InboxTask) => <TimeStatusTag task={task} />,
          },
          {
            title: t('approvals.columns.clock'),
            key: 'clock',
            width: 100,
            render: (_: unknown, task: InboxTask) => <ClockStateTag clock={task.clock} />,
          },
          {
            title: t('approvals.columns.reminders'),
            dataIndex: 'reminders',
            width: 70,
            align: 'center' as const,
            render: (n: number) =>
              n > 0 ? <Badge count={n} color="orange" /> : <Tag bordered={false}>0</Tag>,
          },
        ]),
    {
      title: t('approvals.columns.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, task) => (
        <Button size="small" type={done ? 'default' : 'primary'} onClick={() => onOpen(task)}>
          {done ? t('approvals.view') : t('approvals.open')}
        </Button>
      ),
    },
  ];
  return (
    <Table<InboxTask>
      data-testid="inbox-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1200 }}
      locale={{ emptyText: t('approvals.empty') }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              onChange: (_, rows) => selection.onChange(rows),
              columnWidth: 40,
            }
          : undefined
      }
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('approvals.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
