import { useState } from 'react';
import { Form, Input, Modal, Space } from 'antd';
import { approveTasksRequestSchema, type BulkActionResponse, type InboxTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../utils/idempotency-key';
import { approveTasks } from '../api/approvals.api';
import { ActionProblem } from './ActionProblem';
import { BulkResultList } from './BulkResultList';

const commentMax = approveTasksRequestSchema.shape.comment.unwrap().maxLength ?? undefined;

/** 批量通过: the selected tasks approved with one opinion; each task answered on its own. */
export function BulkApproveModal({
  tasks: selected,
  onClose,
  onDone,
}: {
  tasks: InboxTask[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // The selection as it was when the modal opened (the inbox clears its selection after the action).
  const [tasks] = useState(selected);
  const [comment, setComment] = useState('');
  const [key] = useState(() => newIdempotencyKey('bulk-approve'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<BulkActionResponse>();
  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      setResult(
        await approveTasks(
          {
            tasks: tasks.map((task) => ({ caseNo: task.caseNo, stepId: task.stepId })),
            comment: comment.trim() || undefined,
          },
          key,
        ),
      );
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
      // A filled-in form is not lost to a stray click beside it: close with 取消 or Esc.
      mask={{ closable: false }}
      title={t('approvals.bulk.approveTitle', { n: tasks.length })}
      okText={result ? t('approvals.bulk.close') : t('approvals.bulk.submit')}
      cancelButtonProps={result ? { style: { display: 'none' } } : undefined}
      cancelText={t('approvals.form.cancel')}
      onOk={() => (result ? onClose() : void submit())}
      onCancel={onClose}
      confirmLoading={pending}
      width={760}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!result && (
          <Form layout="vertical">
            <Form.Item label={t('approvals.bulk.comment')}>
              <Input.TextArea
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                maxLength={commentMax}
                showCount
                aria-label={t('approvals.bulk.comment')}
              />
            </Form.Item>
          </Form>
        )}
        {error !== undefined && <ActionProblem error={error} />}
        {result && (
          <BulkResultList
            result={result}
            stepNames={Object.fromEntries(tasks.map((task) => [task.stepId, task.stepName]))}
          />
        )}
      </Space>
    </Modal>
  );
}
