import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import type { ApproveExtensionResponse, ExtensionRequest } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ActionProblem } from '../../approvals/components/ActionProblem';
import { newIdempotencyKey } from '../../approvals/utils/idempotency-key';
import { approveExtension } from '../api/supervision.api';

/**
 * 批准延期: the request (days, reason, requester) and an optional opinion; on approval the new statutory due date
 * and the applicant's 延期通知书. The server refuses the requester and anything beyond the statutory bound.
 */
export function ApproveExtensionModal({
  request,
  onClose,
  onDone,
  onOpenCase,
}: {
  request: ExtensionRequest;
  onClose: () => void;
  onDone: () => void;
  onOpenCase: (caseNo: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [key] = useState(() => newIdempotencyKey('approve-extension'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<ApproveExtensionResponse>();
  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      setResult(await approveExtension(request.caseNo, request.stepId, reason.trim() || undefined, key));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open
      mask={{ closable: false }}
      title={t('supervision.approve.title', { caseNo: request.caseNo })}
      onCancel={onClose}
      data-testid="approve-extension-modal"
      footer={
        result ? (
          <Space>
            <Button onClick={() => onOpenCase(request.caseNo)} data-testid="open-case-file">
              {t('supervision.approve.openCase')}
            </Button>
            <Button type="primary" onClick={onClose}>
              {t('supervision.close')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('supervision.cancel')}</Button>
            <Button type="primary" loading={pending} onClick={submit} data-testid="confirm-approve">
              {t('supervision.approve.submit')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label={t('supervision.columns.step')}>
            {request.stepName}（{request.departmentName}）
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.columns.days')}>
            {t('supervision.workingDays', { n: request.days })}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.columns.reason')}>{request.reason}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.columns.requestedBy')}>
            {request.requestedBy.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.columns.statutoryDue')}>
            {request.statutoryDueDate ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        {!result && (
          <Form layout="vertical">
            <Form.Item label={t('supervision.approve.opinion')} extra={t('supervision.approve.law')}>
              <Input.TextArea
                rows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t('supervision.approve.opinionPlaceholder')}
              />
            </Form.Item>
          </Form>
        )}
        {error !== undefined && <ActionProblem error={error} />}
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="approve-result"
            title={t('supervision.approve.done', { from: result.previousDue, to: result.newDue })}
            description={
              <a href={result.document.href} target="_blank" rel="noreferrer" data-testid="extension-notice">
                {t('supervision.approve.notice', { documentNo: result.document.documentNo })}
              </a>
            }
          />
        )}
      </Space>
    </Modal>
  );
}
