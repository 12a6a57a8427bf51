import { useState } from 'react';
import { App, Form, Modal, Space, Typography } from 'antd';
import type { CaseActionRequest } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../utils/idempotency-key';
import { sendCaseAction } from '../api/approvals.api';
import type { ApproverVerb } from '../utils/approver-verbs';
import { contractErrors } from '../utils/contract-rules';
import { fieldOfIssue, verbRequest, withRevision, type VerbFormValues } from '../utils/verb-requests';
import { ActionProblem } from './ActionProblem';
import { VerbFields, type VerbFieldsContext } from './VerbFields';

interface VerbFormModalProps extends VerbFieldsContext {
  caseNo: string;
  onClose: () => void;
  /** After the workflow accepted the action (reload the case and the inbox). */
  onDone: () => void;
}

const initialValues: Partial<Record<ApproverVerb, VerbFormValues>> = {
  send_back: { toKind: 'previous' },
  add_signers: { position: 'after' },
  resolve_delegation: { opinion: 'agree' },
};

/**
 * One verb as a form: checked by the verb's contract (messages in the user's language), sent with one
 * Idempotency-Key per opened form (a double click or a retry applies once), and the workflow's synchronous
 * answer shown: success, or its refusal with what to do next.
 */
export function VerbFormModal({ caseNo, onClose, onDone, ...context }: VerbFormModalProps) {
  const { verb, step } = context;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VerbFormValues>();
  const [idempotencyKey] = useState(() => newIdempotencyKey(verb));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const verbName = t(`approvals.verbs.${verb}`);
  const labelOf = (field: string) =>
    t(
      `approvals.fields.${field === 'to' ? ({ transfer: 'transferTo', delegate: 'delegateTo', assign: 'assignTo' }[verb as string] ?? 'copyTo') : field}`,
    );

  const submit = async () => {
    if (pending) return;
    const values = form.getFieldsValue(true);
    // The step revision this page shows: the workflow refuses the action if the step changed since.
    const body = withRevision(verb, verbRequest(verb, step.stepId, values), step.revision);
    const errors = contractErrors(t, verb, body, (path) => fieldOfIssue(verb, path), labelOf);
    form.setFields(
      Object.keys(values)
        .concat([...errors.keys()])
        .map((name) => ({ name: name as keyof VerbFormValues, errors: errors.get(name) ?? [] })),
    );
    if (errors.size > 0) return;
    setPending(true);
    setError(undefined);
    try {
      await sendCaseAction(caseNo, body as CaseActionRequest, idempotencyKey);
      void message.success(t('approvals.form.success', { verb: verbName }));
      onDone();
      onClose();
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
      title={verbName}
      okText={t('approvals.form.submit')}
      cancelText={t('approvals.form.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={pending}
      width={620}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`verb-form-${verb}`}>
        <Typography.Text type="secondary">
          {t('approvals.form.step', { step: step.name })} · {caseNo}
        </Typography.Text>
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues[verb]}
          aria-label={verbName}
          onFinish={() => void submit()}
          requiredMark
        >
          <VerbFields {...context} />
        </Form>
        {error !== undefined && (
          <ActionProblem
            error={error}
            onReload={() => {
              onDone();
              onClose();
            }}
          />
        )}
      </Space>
    </Modal>
  );
}
