import { Button, Space, Table, Tag, Typography } from 'antd';
import type { FlowDetail } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { centreTime } from '../../../ui/centre-day';

/**
 * The subject's versions, newest first: who published what and when, and the open cases on each. Three
 * columns (version with its source, publisher over the local time, open cases), so the table fits the
 * designer's 400 px side column without wrapping; a version with a diagram that has an older one offers to
 * compare the two (`onCompare(older, newer)`).
 */
export function VersionList({
  versions,
  onCompare,
}: {
  versions: FlowDetail['versions'];
  onCompare: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const drawn = versions.filter((v) => v.hasBpmn);
  const olderOf = (version: number) => drawn.find((v) => v.version < version)?.version;
  return (
    <Table
      data-testid="designer-versions"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={versions}
      locale={{ emptyText: t('designer.versions.empty') }}
      columns={[
        {
          title: t('designer.versions.version'),
          dataIndex: 'version',
          width: 150,
          render: (v: number, row) => (
            <>
              <Space size={6} wrap={false}>
                <strong>v{v}</strong>
                <Tag color={row.source === 'designer' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {t(`designer.versions.${row.source}`)}
                </Tag>
              </Space>
              {row.hasBpmn && olderOf(v) !== undefined ? (
                <Button
                  size="small"
                  type="link"
                  style={{ padding: 0, height: 'auto', fontSize: 12 }}
                  onClick={() => onCompare(olderOf(v)!, v)}
                >
                  {t('designer.versions.compare')}
                </Button>
              ) : null}
            </>
          ),
        },
        {
          title: t('designer.versions.published'),
          dataIndex: 'publishedBy',
          ellipsis: true,
          render: (by: string, row) => (
            <>
              <div title={by} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {by}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {centreTime(row.publishedAt)}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('designer.versions.openCases'),
          dataIndex: 'openCases',
          width: 84,
          align: 'right',
        },
      ]}
    />
  );
}
