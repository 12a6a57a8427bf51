import type { CSSProperties } from 'react';
import { Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../hooks/use-departments';

/**
 * 部门: switches between the departments a user holds roles in (useMyDepartments), by name. Shown only when
 * there are several; the approvals inbox and a lead's 督办 use it.
 */
export function DepartmentSwitcher({
  departments,
  value,
  onChange,
  testId,
  style,
}: {
  departments: string[];
  value: string | undefined;
  onChange: (code: string) => void;
  testId: string;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const names = useDepartments(departments.length > 1);
  if (departments.length < 2) return null;
  return (
    <Space data-testid={testId} style={style}>
      <Typography.Text type="secondary">{t('approvals.department')}</Typography.Text>
      <Segmented
        value={value}
        onChange={(code) => onChange(String(code))}
        options={departments.map((code) => ({
          value: code,
          label: names.data?.departments.find((d) => d.code === code)?.name ?? code,
        }))}
      />
    </Space>
  );
}
