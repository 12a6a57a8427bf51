import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin } from 'antd';
import type { CaseFileView } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { fetchMaterialFile } from '../api/approvals.api';

type Material = NonNullable<CaseFileView['materials']>[number];

/** A material's file shown inline: PDFs in a frame, images as images, other formats as a download. */
export function MaterialFileModal({
  caseNo,
  material,
  onClose,
}: {
  caseNo: string;
  material: Material;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ url: string; type: string }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    fetchMaterialFile(caseNo, material.materialCode).then(
      (loaded) => {
        url = loaded.url;
        if (live) setFile(loaded);
        else URL.revokeObjectURL(loaded.url);
      },
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseNo, material.materialCode]);
  const type = file?.type ?? material.file?.contentType ?? '';
  return (
    <Modal
      open
      title={t('approvals.caseFile.fileTitle', { name: material.name })}
      onCancel={onClose}
      footer={null}
      width={900}
    >
      {error !== undefined && <Alert type="error" showIcon title={String(error)} />}
      {!file && error === undefined && <Spin />}
      {file && type === 'application/pdf' && (
        <iframe title={material.name} src={file.url} style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
      {file && type.startsWith('image/') && (
        <img
          alt={material.name}
          src={file.url}
          style={{ maxWidth: '100%', maxHeight: '70vh', display: 'block', margin: '0 auto' }}
        />
      )}
      {file && type !== 'application/pdf' && !type.startsWith('image/') && (
        <Alert
          type="info"
          showIcon
          title={t('approvals.caseFile.fileNotViewable')}
          action={
            <Button href={file.url} download={`${material.materialCode}`}>
              {t('approvals.caseFile.download')}
            </Button>
          }
        />
      )}
    </Modal>
  );
}
