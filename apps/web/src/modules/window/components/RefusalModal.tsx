import { Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';

export interface RefusalValues {
  reason: string;
  redirectTo?: string;
}

/**
 * 不予受理 (行政许可法第三十二条): the reason (required) and, when outside this authority's remit, where to
 * apply instead. The caller says what the refusal is of (`title`) and how it is sent (`refuse`).
 */
export function RefusalModal<Refused>({
  title,
  testId,
  refuse,
  onClose,
  onRefused,
}: {
  title: string;
  testId: string;
  refuse: (values: RefusalValues) => Promise<Refused>;
  onClose: () => void;
  onRefused: (refused: Refused) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RefusalValues>();
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const redirectTo = values.redirectTo?.trim();
    const refused = await run(() =>
      refuse({ reason: values.reason.trim(), ...(redirectTo ? { redirectTo } : {}) }),
    );
    if (refused !== undefined) onRefused(refused);
  };

  return (
    <Modal
      open
      width={640}
      mask={{ closable: false }}
      title={title}
      okText={t('window.refusal.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
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
