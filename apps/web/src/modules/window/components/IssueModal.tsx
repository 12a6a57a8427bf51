import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import type { IssueResultsRequest, IssueResultsResponse, WindowQueueEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { newIdempotencyKey } from '../../approvals/utils/idempotency-key';
import { CaseDocumentList } from '../../documents/components/CaseDocumentList';
import { issueCaseResults } from '../api/window.api';
import { useRefreshCounters } from './WindowCounters';

type Delivery = IssueResultsRequest['delivery'];

/**
 * 统一出件 of one case: how the results are delivered (at the window to a named recipient whose identity was
 * checked, by post with the waybill, or electronically), then every certificate and decision issued, and the
 * 送达回证 to print. One Idempotency-Key per opened form.
 */
export function IssueModal({
  entry,
  onClose,
  onIssued,
}: {
  entry: WindowQueueEntry;
  onClose: () => void;
  onIssued: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Delivery>();
  const method = Form.useWatch('method', form) ?? 'window';
  const [key] = useState(() => newIdempotencyKey('issue'));
  const { pending, error, run } = useSubmission();
  const [issued, setIssued] = useState<IssueResultsResponse>();
  const refreshCounters = useRefreshCounters();

  const submit = async () => {
    if (issued) return onClose();
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const delivery = Object.fromEntries(
      Object.entries(values).filter(([, v]) => typeof v !== 'string' || v.trim() !== ''),
    ) as Delivery;
    const answer = await run(() => issueCaseResults(entry.caseNo, { delivery }, key));
    if (!answer) return;
    setIssued(answer);
    onIssued();
    refreshCounters();
  };

  return (
    <Modal
      open
      width={960}
      mask={{ closable: false }}
      title={t('window.issue.title', { caseNo: entry.caseNo })}
      okText={issued ? t('window.issue.close') : t('window.issue.submit')}
      cancelButtonProps={{ style: issued ? { display: 'none' } : undefined }}
      cancelText={t('approvals.form.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="issue-form">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('window.queue.columns.applicant')}>
            {entry.applicantName}（{entry.applicantIdMasked}）
          </Descriptions.Item>
          <Descriptions.Item label={t('window.queue.columns.items')}>
            {entry.items.map((i) => i.name).join('、')}
          </Descriptions.Item>
        </Descriptions>
        {!issued && (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ method: 'window', recipientName: entry.applicantName }}
          >
            <Form.Item name="method" label={t('window.issue.method')}>
              <Radio.Group
                optionType="button"
                options={(['window', 'post', 'electronic'] as const).map((m) => ({
                  value: m,
                  label: t(`window.issue.methods.${m}`),
                }))}
              />
            </Form.Item>
            {method !== 'electronic' && (
              <Form.Item
                name="recipientName"
                label={t('window.issue.recipient')}
                rules={[{ required: true, whitespace: true, message: t('window.issue.recipientRequired') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            )}
            {method === 'window' && (
              <Form.Item
                name="identityCheck"
                label={t('window.issue.identityCheck')}
                rules={[
                  { required: true, whitespace: true, message: t('window.issue.identityCheckRequired') },
                ]}
                extra={t('window.issue.identityCheckHint')}
              >
                <Input maxLength={200} />
              </Form.Item>
            )}
            {method === 'post' && (
              <>
                <Form.Item
                  name="address"
                  label={t('window.issue.address')}
                  rules={[{ required: true, whitespace: true, message: t('window.issue.addressRequired') }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
                <Space.Compact block>
                  <Form.Item name="carrier" label={t('window.issue.carrier')} style={{ flex: 1 }}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name="trackingNo"
                    label={t('window.issue.trackingNo')}
                    style={{ flex: 1 }}
                    rules={[
                      { required: true, whitespace: true, message: t('window.issue.trackingNoRequired') },
                    ]}
                  >
                    <Input maxLength={64} />
                  </Form.Item>
                </Space.Compact>
              </>
            )}
          </Form>
        )}
        {error !== undefined && <ApiErrorAlert error={error} />}
        {issued && (
          <>
            <Alert
              type={issued.outcome === 'approved' ? 'success' : 'warning'}
              showIcon
              data-testid="issue-result"
              title={t(`window.issue.outcome.${issued.outcome}`)}
              description={
                <Space size={[4, 4]} wrap>
                  {issued.certificates.map((c) => (
                    <Tag key={c.certificateNo} color="green">
                      {c.certificateNo}
                    </Tag>
                  ))}
                </Space>
              }
            />
            <Typography.Title level={5}>{t('documents.title')}</Typography.Title>
            <CaseDocumentList caseNo={entry.caseNo} />
            <Button href={`/window/rate/${entry.caseNo}`} target="_blank" data-testid="open-counter-rating">
              {t('evaluation.counter.open')}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}
