import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { CaseFileView } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { MaterialFileModal } from './MaterialFileModal';

type Material = NonNullable<CaseFileView['materials']>[number];

/** The case's materials with their files, each viewable inline (PDF and images). */
export function CaseMaterials({
  caseNo,
  materials,
}: {
  caseNo: string;
  materials: CaseFileView['materials'];
}) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<Material>();
  if (materials === null)
    return <Alert type="info" showIcon title={t('approvals.caseFile.materialsHidden')} />;
  return (
    <>
      <Table<Material>
        data-testid="case-materials"
        size="small"
        rowKey="materialCode"
        pagination={false}
        dataSource={materials}
        columns={[
          { title: t('approvals.caseFile.materialColumns.name'), dataIndex: 'name' },
          {
            title: t('approvals.caseFile.materialColumns.provenance'),
            dataIndex: 'provenance',
            render: (p: string) => <Tag>{t(`approvals.caseFile.provenance.${p}`, { defaultValue: p })}</Tag>,
          },
          {
            title: t('approvals.caseFile.materialColumns.copies'),
            key: 'copies',
            render: (_, m) =>
              t('approvals.caseFile.originalsCopies', { originals: m.originals, copies: m.copies }),
          },
          {
            title: t('approvals.caseFile.materialColumns.file'),
            key: 'file',
            render: (_, m) =>
              m.file ? (
                <Button size="small" icon={<FileSearchOutlined />} onClick={() => setViewing(m)}>
                  {t('approvals.caseFile.viewFile')}
                </Button>
              ) : (
                <Tag bordered={false}>{t('approvals.caseFile.noFile')}</Tag>
              ),
          },
        ]}
      />
      {viewing && (
        <MaterialFileModal caseNo={caseNo} material={viewing} onClose={() => setViewing(undefined)} />
      )}
    </>
  );
}
