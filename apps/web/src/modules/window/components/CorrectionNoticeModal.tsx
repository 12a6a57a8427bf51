import { Form, Input, Modal, Space, Table, Typography } from 'antd';
import type {
  ChecklistResponse,
  CorrectionNoticeRequest,
  CorrectionNoticeResponse,
} from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { issueCorrectionNotice } from '../api/window.api';

type Entry = ChecklistResponse['entries'][number];

/**
 * 材料补正一次性告知: every required material not received, each with what is wrong (未提交 unless the clerk
 * says otherwise), and where to hand them in. The application gets its number and waits; no clock runs.
 */
export function CorrectionNoticeModal({
  missing,
  application,
  idempotencyKey,
  onClose,
  onIssued,
}: {
  missing: Entry[];
  application: CorrectionNoticeRequest['application'];
  idempotencyKey: string;
  onClose: () => void;
  onIssued: (issued: CorrectionNoticeResponse) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ problems: Record<string, string>; handIn?: string }>();
  const { pending, error, run } = useSubmission();

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const issued = await run(() =>
      issueCorrectionNotice(
        {
          application,
          missing: missing.map((e) => ({ materialCode: e.code, problem: values.problems[e.code].trim() })),
          ...(values.handIn?.trim() ? { handIn: values.handIn.trim() } : {}),
        },
        idempotencyKey,
      ),
    );
    if (issued) onIssued(issued);
  };

  return (
    <Modal
      open
      width={820}
      mask={{ closable: false }}
      title={t('window.notice.title')}
      okText={t('window.notice.submit')}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="correction-notice-form">
        <Typography.Text type="secondary">{t('window.notice.explain')}</Typography.Text>
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            problems: Object.fromEntries(missing.map((e) => [e.code, t('window.notice.notSubmitted')])),
          }}
        >
          <Table<Entry>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={missing}
            columns={[
              { title: t('window.materials.columns.material'), dataIndex: 'name', width: 260 },
              {
                title: t('window.notice.problem'),
                key: 'problem',
                render: (_, e) => (
                  <Form.Item
                    name={['problems', e.code]}
                    style={{ marginBottom: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: t('window.notice.problemRequired') },
                    ]}
                  >
                    <Input maxLength={500} aria-label={t('window.notice.problemOf', { name: e.name })} />
                  </Form.Item>
                ),
              },
            ]}
          />
          <Form.Item name="handIn" label={t('window.notice.handIn')} style={{ marginTop: 16 }}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('window.notice.handInPlaceholder')} />
          </Form.Item>
        </Form>
        {error !== undefined && <ApiErrorAlert error={error} />}
      </Space>
    </Modal>
  );
}
