import { screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ApiError } from '../api-error';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useFormFieldProblems } from './use-form-field-problems';

const underUser = (path: string) => path.replace(/^user\./, '');

function RefusedForm({ error, nested = false }: { error: unknown; nested?: boolean }) {
  const [form] = Form.useForm();
  const shownOnForm = useFormFieldProblems(form, error, nested ? underUser : undefined);
  return (
    <>
      <ApiErrorAlert error={error} shownOnForm={shownOnForm} />
      <Form form={form} initialValues={{ otherGrants: [{ departmentCode: 'SFS-XFJY' }] }}>
        <Form.Item label="所属部门" name="departmentCode">
          <Input />
        </Form.Item>
        <Form.List name="otherGrants">
          {(fields) =>
            fields.map((field) => (
              <Form.Item key={field.key} label="部门" name={[field.name, 'departmentCode']}>
                <Input />
              </Form.Item>
            ))
          }
        </Form.List>
      </Form>
    </>
  );
}

const refusal = new ApiError('problem', 422, {
  type: 'urn:onewindow:problem:invalid',
  title: 'Invalid',
  status: 422,
  detail: '用户信息未通过校验',
  errors: [
    { path: 'departmentCode', message: '部门 SFS-X 不存在：请先在“部门”页新建该部门' },
    { path: 'otherGrants.0.departmentCode', message: 'SFS-XFJY 是该用户的所属部门' },
    { path: 'mfaSecret', message: '未知字段' },
  ],
});

describe('useFormFieldProblems', () => {
  it('shows each field error under its field, list rows included, and leaves the others in the alert', async () => {
    const { container } = renderWithProviders(<RefusedForm error={refusal} />);
    await waitFor(() => expect(container.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(2));
    const underFields = [...container.querySelectorAll('.ant-form-item-explain-error')].map(
      (e) => e.textContent,
    );
    expect(underFields).toEqual([
      '部门 SFS-X 不存在：请先在“部门”页新建该部门',
      'SFS-XFJY 是该用户的所属部门',
    ]);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('用户信息未通过校验');
    expect(alert.textContent).toContain('mfaSecret');
    expect(alert.textContent).not.toContain('不存在');
    expect(alert.textContent).not.toContain('otherGrants');
  });

  it('says to look at the marked fields instead of repeating them when the form shows every one', async () => {
    const onlyFields = new ApiError('problem', 400, {
      type: 'urn:onewindow:problem:validation',
      title: '输入有误',
      status: 400,
      detail: '用户有误 — departmentCode：部门 SFS-X 不存在',
      errors: [{ path: 'departmentCode', message: '部门 SFS-X 不存在' }],
    });
    const { container } = renderWithProviders(<RefusedForm error={onlyFields} />);
    await waitFor(() => expect(container.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(1));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('请按表单中标红的提示修改后重试');
    expect(alert.textContent).not.toContain('departmentCode');
  });

  it('maps a request path onto the form’s field where the two differ', async () => {
    const nestedRefusal = new ApiError('problem', 400, {
      type: 'urn:onewindow:problem:validation',
      title: '输入有误',
      status: 400,
      detail: 'user.departmentCode：部门 SFS-X 不存在',
      errors: [{ path: 'user.departmentCode', message: '部门 SFS-X 不存在' }],
    });
    const { container } = renderWithProviders(<RefusedForm error={nestedRefusal} nested />);
    await waitFor(() => expect(container.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(1));
    expect(container.querySelector('.ant-form-item-explain-error')!.textContent).toBe('部门 SFS-X 不存在');
    expect(screen.getByRole('alert').textContent).not.toContain('user.departmentCode');
  });

  it('without a refusal, marks no field', () => {
    const { container } = renderWithProviders(<RefusedForm error={undefined} />);
    expect(container.querySelectorAll('.ant-form-item-explain-error')).toHaveLength(0);
  });
});
