import { Table, Tag } from 'antd';
import type { FlowDetail } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';

/** The subject's versions, newest first: who published what and when, and the open cases on each. */
export function VersionList({ versions }: { versions: FlowDetail['versions'] }) {
  const { t } = useTranslation();
  return (
    <Table
      data-testid="designer-versions"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={versions}
      locale={{ emptyText: t('designer.versions.empty') }}
      columns={[
        { title: t('designer.versions.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
        {
          title: t('designer.versions.source'),
          dataIndex: 'source',
          render: (s: 'designer' | 'default') => (
            <Tag color={s === 'designer' ? 'blue' : 'default'}>{t(`designer.versions.${s}`)}</Tag>
          ),
        },
        { title: t('designer.versions.publishedBy'), dataIndex: 'publishedBy' },
        {
          title: t('designer.versions.publishedAt'),
          dataIndex: 'publishedAt',
          render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
        },
        { title: t('designer.versions.openCases'), dataIndex: 'openCases' },
      ]}
    />
  );
}
