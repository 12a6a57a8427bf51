import { useEffect, useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseDocument } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchCaseDocuments } from '../api/documents.api';

/**
 * A case's official documents (受理通知书 …): each opens as its PDF in a new tab, where the browser's viewer
 * prints it on A4, or downloads under its title and number. `untilIssued`: keep looking while there is none yet.
 */
export function CaseDocumentList({ caseNo, untilIssued = false }: { caseNo: string; untilIssued?: boolean }) {
  const { t } = useTranslation();
  const [empty, setEmpty] = useState(true);
  // Right after acceptance the notice waits for the workflow's due dates: look again every 1.5 s until it is there.
  const documents = useApiQuery(`case-documents:${caseNo}`, (signal) => fetchCaseDocuments(caseNo, signal), {
    refreshIntervalMs: untilIssued && empty ? 1500 : undefined,
  });
  const count = documents.data?.documents.length ?? 0;
  useEffect(() => setEmpty(count === 0), [count]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="case-documents">
      {documents.error !== undefined && <ApiErrorAlert error={documents.error} onRetry={documents.refresh} />}
      <Table<CaseDocument>
        size="small"
        rowKey="documentNo"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={documents.loading}
        dataSource={documents.data?.documents ?? []}
        locale={{ emptyText: t('documents.empty') }}
        columns={[
          // Titles and numbers never wrap mid-word: a narrow table (a modal) scrolls instead.
          { title: t('documents.columns.title'), dataIndex: 'title', width: 170 },
          { title: t('documents.columns.number'), dataIndex: 'documentNo', width: 230 },
          { title: t('documents.columns.issuedOn'), dataIndex: 'issuedOn', width: 110 },
          { title: t('documents.columns.issuedBy'), dataIndex: 'issuedBy', width: 130 },
          {
            title: t('documents.columns.actions'),
            key: 'actions',
            width: 230,
            render: (_, d) => (
              <Space size="small">
                <Button size="small" icon={<PrinterOutlined />} href={d.href} target="_blank" rel="noopener">
                  {t('documents.open')}
                </Button>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={d.href}
                  download={`${d.title}-${d.documentNo}.pdf`}
                >
                  {t('documents.download')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Link onClick={documents.refresh}>
        <ReloadOutlined /> {t('documents.refresh')}
      </Typography.Link>
    </Space>
  );
}
