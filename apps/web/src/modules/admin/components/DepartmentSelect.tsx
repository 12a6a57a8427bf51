import { Select, type SelectProps } from 'antd';
import type { AdminDepartment } from '@onewindow/contracts';

/**
 * A department picked by name or code (`名称（编码）`), clearable: a user's department, a department's parent.
 * Inside a Form.Item, which gives it value and onChange.
 */
export function DepartmentSelect({
  departments,
  ...props
}: { departments: AdminDepartment[] } & Omit<SelectProps<string>, 'options'>) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      options={departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
    />
  );
}
