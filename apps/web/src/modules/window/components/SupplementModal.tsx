import { useState } from 'react';
import { Alert, Checkbox, Descriptions, Form, Input, Modal, Space } from 'antd';
import type { WindowCorrectionEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { sendCaseAction } from '../../approvals/api/approvals.api';
import { newIdempotencyKey } from '../../approvals/utils/idempotency-key';

interface SupplementValues {
  received?: string[];
  note?: string;
}

/**
 * The window answers a department: for 补正, the materials the applicant handed in (every one asked for must be
 * ticked) and submit_supplement, which resumes the clocks; for 退回窗口, a note and resubmit_from_window, which
 * sends the step to the department again. One Idempotency-Key per opened form.
 */
export function SupplementModal({
  entry,
  onClose,
  onDone,
}: {
  entry: WindowCorrectionEntry;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SupplementValues>();
  const [key] = useState(() => newIdempotencyKey('window-supplement'));
  const { pending, error, run } = useSubmission();
  const supplement = entry.kind === 'supplement';

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values || !entry.stepId) return;
    const stepId = entry.stepId;
    const note = values.note?.trim();
    const answer = await run(() =>
      sendCaseAction(
        entry.caseNo,
        supplement
          ? { verb: 'submit_supplement', stepId, materials: values.received ?? [] }
          : { verb: 'resubmit_from_window', stepId, ...(note ? { note } : {}) },
        key,
      ),
    );
    if (!answer) return;
    onDone();
    onClose();
  };

  return (
    <Modal
      open
      width={720}
      mask={{ closable: false }}
      title={t('window.corrections.title', { caseNo: entry.caseNo })}
      okText={supplement ? t('window.corrections.submitSupplement') : t('window.corrections.resubmit')}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="supplement-form">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('window.corrections.columns.applicant')}>
            {entry.applicantName}（{entry.applicantIdMasked}）
          </Descriptions.Item>
          <Descriptions.Item label={t('window.corrections.step')}>{entry.stepName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('window.corrections.columns.asked')}>
            {entry.asked.join('；')}
            {entry.note ? `（${entry.note}）` : ''}
          </Descriptions.Item>
        </Descriptions>
        <Form form={form} layout="vertical">
          {supplement ? (
            <Form.Item
              name="received"
              label={t('window.corrections.received')}
              rules={[
                {
                  validator: async (_, value?: string[]) => {
                    if (entry.asked.every((m) => value?.includes(m))) return;
                    throw new Error(t('window.corrections.receivedRequired'));
                  },
                },
              ]}
            >
              <Checkbox.Group options={entry.asked.map((m) => ({ value: m, label: m }))} />
            </Form.Item>
          ) : (
            <Form.Item name="note" label={t('window.corrections.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
        {error !== undefined && <ApiErrorAlert error={error} />}
        {!supplement && <Alert type="info" showIcon title={t('window.corrections.returnedHint')} />}
      </Space>
    </Modal>
  );
}
