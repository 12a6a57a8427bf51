import { Alert, Button, Card, Form, Input } from 'antd';
import type { SessionResponse } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { changeOwnPassword } from '../api/admin.api';
import { passwordRule } from './password-rule';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Shown instead of every page while the signed-in user still has a password an administrator set: the API
 * refuses everything else until it is changed.
 */
export function ChangeOwnPasswordCard({ onChanged }: { onChanged: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { pending, error, run } = useSubmission();
  const shownOnForm = useFormFieldProblems(form, error);
  const submit = async (values: Values) => {
    const session = await run(() => changeOwnPassword(values.currentPassword, values.newPassword));
    if (session) onChanged(session);
  };
  return (
    <Card title={t('admin.password.title')} style={{ maxWidth: 480 }} data-testid="change-password">
      <Alert type="warning" showIcon title={t('admin.password.why')} style={{ marginBottom: 16 }} />
      {error !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <ApiErrorAlert error={error} shownOnForm={shownOnForm} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('admin.password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('admin.password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('admin.password.new')}
          name="newPassword"
          extra={t('admin.password.rule')}
          dependencies={['currentPassword']}
          rules={[
            passwordRule,
            ({ getFieldValue }) => ({
              validator: (_rule, value?: string) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('admin.password.sameAsCurrent')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('admin.password.repeat')}
          name="repeat"
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value?: string) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} block>
          {t('admin.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
