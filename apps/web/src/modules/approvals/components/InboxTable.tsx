import { Badge, Button, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import type { InboxTask, InboxView, TaskPage } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ClockStateTag } from './ClockStateTag';
import { TimeStatusTag } from './TimeStatusTag';
import { centreTime } from '../../../ui/centre-day';

interface InboxTableProps {
  view: InboxView;
  page: TaskPage | undefined;
  loading: boolean;
  onOpen: (task: InboxTask) => void;
  onPage: (page: number, pageSize: number) => void;
  /** Row selection for the bulk actions (only where they apply). */
  selection?: { keys: string[]; onChange: (tasks: InboxTask[]) => void };
  /** 签收 from the row (待签收); `claiming` is the task whose claim is on its way. */
  onClaim?: (task: InboxTask) => void;
  claiming?: string;
}

const oneLine = {
  maxWidth: 250,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;
const time = (at: string | null) => (at ? centreTime(at) : '—');

/** 签收 state of a row: to claim, claimed by whom and when, or nothing for named signers. */
function ClaimStateTag({ claim }: { claim: InboxTask['claim'] }) {
  const { t } = useTranslation();
  if (claim.state === 'unclaimed')
    return (
      <Tag color="gold" data-testid="claim-state">
        {t('approvals.claim.unclaimed')}
      </Tag>
    );
  if (claim.state === 'claimed')
    return (
      <Tag color="green" data-testid="claim-state">
        {t('approvals.claim.claimed', {
          name: claim.byName ?? claim.by,
          at: claim.at ? centreTime(claim.at, 'MM-DD HH:mm') : '',
        })}
      </Tag>
    );
  return <>{t('approvals.claim.none')}</>;
}

/** An inbox view's page: the server's order (least remaining time first) and pagination. */
export function InboxTable({
  view,
  page,
  loading,
  onOpen,
  onPage,
  selection,
  onClaim,
  claiming,
}: InboxTableProps) {
  const { t } = useTranslation();
  const done = view === 'done';
  const columns: TableProps<InboxTask>['columns'] = [
    {
      title: t('approvals.columns.caseNo'),
      dataIndex: 'caseNo',
      width: 168,
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
      render: (_, task) =>
        task.items.map((i) => (
          <div key={i.implementationCode} title={i.name} style={oneLine}>
            {i.name}
          </div>
        )),
    },
    {
      title: t('approvals.columns.applicant'),
      key: 'applicant',
      width: 100,
      render: (_, task) => task.applicant.name,
    },
    { title: t('approvals.columns.step'), dataIndex: 'stepName', width: 140, ellipsis: true },
    { title: t('approvals.columns.arrived'), dataIndex: 'openedAt', width: 136, render: time },
    ...(done
      ? [
          {
            title: t('approvals.columns.dueDate'),
            dataIndex: 'dueDate',
            width: 110,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('approvals.columns.outcome'),
            dataIndex: 'outcome',
            width: 100,
            render: (o: string | null) =>
              o ? t(`approvals.caseFile.outcomes.${o}`, { defaultValue: o }) : '—',
          },
          { title: t('approvals.columns.closedAt'), dataIndex: 'closedAt', width: 136, render: time },
        ]
      : [
          {
            title: t('approvals.columns.dueAndRemaining'),
            key: 'due',
            width: 210,
            render: (_: unknown, task: InboxTask) => (
              <Space orientation="vertical" size={2}>
                <span data-testid="due-date">{task.dueDate ?? '—'}</span>
                <Space size={0} wrap>
                  <TimeStatusTag task={task} />
                  {task.clock.state === 'suspended' && <ClockStateTag clock={task.clock} />}
                </Space>
              </Space>
            ),
          },
          {
            title: t('approvals.columns.claim'),
            key: 'claim',
            width: 150,
            render: (_: unknown, task: InboxTask) => <ClaimStateTag claim={task.claim} />,
          },
          {
            title: t('approvals.columns.reminders'),
            dataIndex: 'reminders',
            width: 96,
            align: 'center' as const,
            render: (n: number) =>
              n > 0 ? <Badge count={n} color="orange" /> : <Tag bordered={false}>0</Tag>,
          },
        ]),
    {
      title: t('approvals.columns.actions'),
      key: 'actions',
      width: onClaim ? 140 : 80,
      fixed: 'right',
      render: (_, task) =>
        onClaim && task.claim.state === 'unclaimed' ? (
          <Space size={4}>
            <Button
              size="small"
              type="primary"
              loading={claiming === task.id}
              data-testid={`claim-${task.caseNo}`}
              onClick={() => onClaim(task)}
            >
              {t('approvals.claim.button')}
            </Button>
            <Button size="small" onClick={() => onOpen(task)}>
              {t('approvals.view')}
            </Button>
          </Space>
        ) : (
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
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('approvals.empty') }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              onChange: (_, rows) => selection.onChange(rows),
              // A stopped clock (补正, special procedure, hold) cannot be approved now.
              getCheckboxProps: (task) => ({
                disabled: task.clock.state === 'suspended',
                'aria-label': task.caseNo,
              }),
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
