import { Alert, Checkbox, Form, InputNumber, Modal, Space, Typography } from 'antd';
import type { WindowQueueEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { recordToleratedSupply } from '../api/window.api';

type Gap = WindowQueueEntry['toleratedGaps'][number];
interface SupplyValues {
  originals?: number;
  copies?: number;
  electronic?: boolean;
}

/** 容缺补齐: records one tolerated material the applicant handed in (paper originals / copies, or electronic). */
export function ToleratedSupplyModal({
  caseNo,
  gap,
  onClose,
  onRecorded,
}: {
  caseNo: string;
  gap: Gap;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SupplyValues>();
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const originals = values.originals ?? 0;
    const copies = values.copies ?? 0;
    const paper = originals + copies > 0;
    const form_ = values.electronic ? (paper ? 'both' : 'electronic') : paper ? 'paper' : undefined;
    const answer = await run(() =>
      recordToleratedSupply(caseNo, gap.materialCode, {
        originals,
        copies,
        ...(form_ ? { form: form_ } : {}),
      }),
    );
    if (!answer) return;
    onRecorded();
    onClose();
  };

  return (
    <Modal
      open
      mask={{ closable: false }}
      title={t('window.gaps.title', { caseNo })}
      okText={t('window.gaps.submit')}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="tolerated-supply-form">
        <Typography.Text>
          {t('window.gaps.material')}：<Typography.Text strong>{gap.name}</Typography.Text>
          {gap.dueDate ? `（${t('window.gaps.due', { due: gap.dueDate })}）` : ''}
        </Typography.Text>
        <Form form={form} layout="inline" initialValues={{ originals: 0, copies: 1 }}>
          <Form.Item name="originals" label={t('window.gaps.originals')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="copies" label={t('window.gaps.copies')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="electronic" valuePropName="checked">
            <Checkbox>{t('window.gaps.electronic')}</Checkbox>
          </Form.Item>
        </Form>
        <Alert type="info" showIcon title={t('window.gaps.hint')} />
        {error !== undefined && <ApiErrorAlert error={error} />}
      </Space>
    </Modal>
  );
}
