import { useState } from 'react';
import { Alert, Form, Input, Modal, Space, Typography } from 'antd';
import { remindRequestSchema, type RemindResponse, type SupervisedTask } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ActionProblem } from '../../approvals/components/ActionProblem';
import { remind } from '../api/supervision.api';

const messageMax = remindRequestSchema.shape.message.maxLength ?? 500;

/** 催办: a message to whoever holds the task, recorded on the case. */
export function RemindModal({
  task,
  onClose,
  onDone,
}: {
  task: SupervisedTask;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState(t('supervision.remind.default'));
  const [invalid, setInvalid] = useState<string>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<RemindResponse>();
  const submit = async () => {
    if (result) return onClose();
    const parsed = remindRequestSchema.safeParse({ message });
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message);
    setInvalid(undefined);
    setPending(true);
    setError(undefined);
    try {
      setResult(await remind(task.caseNo, task.stepId, parsed.data.message));
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
      title={t('supervision.remind.title', { caseNo: task.caseNo })}
      okText={result ? t('supervision.close') : t('supervision.remind.submit')}
      cancelText={t('supervision.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      data-testid="remind-modal"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          {t('supervision.remind.to', {
            step: task.stepName,
            people: task.holders.map((h) => h.name).join('、') || t('supervision.tasks.group'),
          })}
        </Typography.Text>
        {!result && (
          <Form layout="vertical">
            <Form.Item
              label={t('supervision.remind.message')}
              validateStatus={invalid ? 'error' : undefined}
              help={invalid}
            >
              <Input.TextArea
                rows={3}
                maxLength={messageMax}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
                data-testid="remind-message"
              />
            </Form.Item>
          </Form>
        )}
        {error !== undefined && <ActionProblem error={error} />}
        {result && (
          <Alert type="success" showIcon title={t('supervision.remind.done', { n: result.to.length })} />
        )}
      </Space>
    </Modal>
  );
}
