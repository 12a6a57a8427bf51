import { Table, Tag } from 'antd';
import type { CaseFileView } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { centreTime } from '../../../ui/centre-day';

type Department = CaseFileView['departments'][number];
const stateColors: Record<string, string> = {
  open: 'processing',
  done: 'success',
  cancelled: 'default',
  superseded: 'default',
};

/** Every department's step in the parallel approval: state and dates, never opinions. */
export function DepartmentProgress({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  return (
    <Table<Department>
      data-testid="department-progress"
      size="small"
      rowKey="stepId"
      pagination={false}
      dataSource={departments}
      columns={[
        { title: t('approvals.caseFile.departmentColumns.department'), dataIndex: 'departmentName' },
        { title: t('approvals.caseFile.departmentColumns.step'), dataIndex: 'stepName' },
        {
          title: t('approvals.caseFile.departmentColumns.state'),
          key: 'state',
          render: (_, d) => (
            <Tag color={stateColors[d.state]}>
              {t(`approvals.caseFile.taskStates.${d.state}`, { defaultValue: d.state })}
              {d.outcome &&
                ` · ${t(`approvals.caseFile.outcomes.${d.outcome}`, { defaultValue: d.outcome })}`}
            </Tag>
          ),
        },
        {
          title: t('approvals.caseFile.departmentColumns.dueDate'),
          dataIndex: 'dueDate',
          render: (d: string | null) => d ?? '—',
        },
        {
          title: t('approvals.caseFile.departmentColumns.closedAt'),
          dataIndex: 'closedAt',
          render: (at: string | null) => (at ? centreTime(at) : '—'),
        },
      ]}
    />
  );
}
