import { Form, Input, Modal, Space, Typography } from 'antd';
import type { IntakeRefusalRequest, IntakeRefusalResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { refuseAtIntake } from '../api/window.api';

/** 不予受理: the reason (required) and, when outside this authority's remit, where to apply instead. */
export function IntakeRefusalModal({
  application,
  idempotencyKey,
  onClose,
  onRefused,
}: {
  application: IntakeRefusalRequest['application'];
  idempotencyKey: string;
  onClose: () => void;
  onRefused: (refused: IntakeRefusalResponse) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; redirectTo?: string }>();
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const refused = await run(() =>
      refuseAtIntake(
        {
          application,
          reason: values.reason.trim(),
          ...(values.redirectTo?.trim() ? { redirectTo: values.redirectTo.trim() } : {}),
        },
        idempotencyKey,
      ),
    );
    if (refused) onRefused(refused);
  };

  return (
    <Modal
      open
      width={640}
      mask={{ closable: false }}
      title={t('window.refusal.title')}
      okText={t('window.refusal.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="intake-refusal-form">
        <Typography.Text type="secondary">{t('window.refusal.explain')}</Typography.Text>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('window.refusal.reason')}
            rules={[{ required: true, whitespace: true, message: t('window.refusal.reasonRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            name="redirectTo"
            label={t('window.refusal.redirectTo')}
            extra={t('window.refusal.redirectHint')}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        {error !== undefined && <ApiErrorAlert error={error} />}
      </Space>
    </Modal>
  );
}
