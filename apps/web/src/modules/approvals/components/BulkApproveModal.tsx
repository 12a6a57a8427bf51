import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Space } from 'antd';
import { approveTasksRequestSchema, type BulkActionResponse, type InboxTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../utils/idempotency-key';
import { approveTasks, fetchCaseDetails } from '../api/approvals.api';
import { ActionProblem } from './ActionProblem';
import { BulkResultList } from './BulkResultList';

const commentMax = approveTasksRequestSchema.shape.comment.unwrap().maxLength ?? undefined;
const taskKey = (task: { caseNo: string; stepId: string }) => `${task.caseNo}\u0000${task.stepId}`;

/**
 * The step revision of each task as its case shows it now (the case view the single action's form reads too),
 * read once when the form opens: the batch sends it, so a task changed meanwhile is refused, not approved.
 */
function useStepRevisions(tasks: InboxTask[]): {
  revisions?: Map<string, number>;
  unreadable: string[];
} {
  const [state, setState] = useState<{ revisions?: Map<string, number>; unreadable: string[] }>({
    unreadable: [],
  });
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      const revisions = new Map<string, number>();
      const unreadable: string[] = [];
      const read = async (task: InboxTask) => {
        try {
          const details = await fetchCaseDetails(task.caseNo, controller.signal);
          const revision = details.view?.steps.find((s) => s.stepId === task.stepId)?.revision;
          if (typeof revision === 'number') revisions.set(taskKey(task), revision);
          else unreadable.push(task.caseNo);
        } catch {
          unreadable.push(task.caseNo);
        }
      };
      // A few cases at a time: each answer is a query of the case's workflow.
      for (let i = 0; i < tasks.length; i += 5) await Promise.all(tasks.slice(i, i + 5).map(read));
      if (!controller.signal.aborted) setState({ revisions, unreadable });
    })();
    return () => controller.abort();
  }, [tasks]);
  return state;
}

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
  const { revisions, unreadable } = useStepRevisions(tasks);
  const submit = async () => {
    if (!revisions || unreadable.length > 0) return;
    setPending(true);
    setError(undefined);
    try {
      setResult(
        await approveTasks(
          {
            tasks: tasks.map((task) => ({
              caseNo: task.caseNo,
              stepId: task.stepId,
              expectedRevision: revisions.get(taskKey(task)),
            })),
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
      okButtonProps={{ disabled: !result && (!revisions || unreadable.length > 0) }}
      width={760}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!result && !revisions && <Alert type="info" showIcon title={t('approvals.bulk.loadingRevisions')} />}
        {!result && unreadable.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('approvals.bulk.revisionsUnreadable', { cases: unreadable.join('、') })}
          />
        )}
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
