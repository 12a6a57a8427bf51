import { useState } from 'react';
import { Form, Input, Modal, Space, Typography } from 'antd';
import type { ReassignTasksResponse } from '@onewindow/contracts';
import { reassignTasksRequestSchema } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../departments/hooks/use-departments';
import { newIdempotencyKey } from '../utils/idempotency-key';
import { reassignTasks } from '../api/approvals.api';
import { ActionProblem } from './ActionProblem';
import { BulkResultList } from './BulkResultList';
import { PeopleSelect } from './PeopleSelect';

const reasonMax = reassignTasksRequestSchema.shape.reason.maxLength ?? undefined;

interface Values {
  from?: string;
  to?: string;
  reason?: string;
}

/**
 * A lead hands every open task of one person in the department to another (转办 with the lead's authority), task
 * by task: both people are picked from the department's members (home or granted a role there).
 */
export function BulkReassignModal({
  department,
  onClose,
  onDone,
}: {
  department: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const departmentName = useDepartments(true).data?.departments.find((d) => d.code === department)?.name;
  const [key] = useState(() => newIdempotencyKey('bulk-reassign'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<ReassignTasksResponse>();
  const labels: Record<string, string> = {
    from: t('approvals.bulk.from'),
    to: t('approvals.bulk.to'),
    reason: t('approvals.bulk.reason'),
  };
  const submit = async () => {
    const v = form.getFieldsValue(true);
    // The department shown: the person's open tasks there (their home department or one they hold a role in).
    const body = {
      from: v.from ?? '',
      to: v.to ?? '',
      reason: v.reason?.trim() ?? '',
      departmentCode: department,
    };
    const parsed = reassignTasksRequestSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => {
          const name = String(issue.path[0] ?? 'reason') as keyof Values;
          return {
            name,
            errors: [
              issue.code === 'too_big'
                ? t('approvals.validation.maxLength', { what: labels[name], n: Number(issue.maximum) })
                : issue.code === 'custom'
                  ? t('approvals.validation.duplicatePerson', { what: labels[name] })
                  : t('approvals.validation.required', { what: labels[name] }),
            ],
          };
        }),
      );
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      setResult(await reassignTasks(parsed.data, key));
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
      title={t('approvals.bulk.reassignTitle')}
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
          <Typography.Text type="secondary" data-testid="bulk-reassign-department">
            {t('approvals.bulk.reassignDepartment', {
              department: departmentName ? `${departmentName}（${department}）` : department,
            })}
          </Typography.Text>
        )}
        {!result && (
          <Form form={form} layout="vertical" requiredMark>
            <Form.Item name="from" label={labels.from} required>
              <PeopleSelect department={department} multiple={false} aria-label={labels.from} />
            </Form.Item>
            <Form.Item name="to" label={labels.to} required>
              <PeopleSelect department={department} multiple={false} aria-label={labels.to} />
            </Form.Item>
            <Form.Item name="reason" label={labels.reason} required>
              <Input.TextArea rows={3} maxLength={reasonMax} showCount />
            </Form.Item>
          </Form>
        )}
        {error !== undefined && <ActionProblem error={error} />}
        {result && <BulkResultList result={result} stepNames={{}} />}
      </Space>
    </Modal>
  );
}
