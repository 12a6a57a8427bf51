import { Select } from 'antd';
import { useDepartmentUsers } from '../hooks/use-department-users';

interface PeopleSelectProps {
  department: string;
  /** Several people (转办 to a group, 加签, 抄送) or one (委派). */
  multiple: boolean;
  /** People who may not be picked (e.g. oneself). */
  exclude?: string[];
  /** Ids typed by hand are allowed (抄送 to someone of another department). */
  allowOthers?: boolean;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  id?: string;
  'aria-label'?: string;
}

/** A people picker over the department's active users (GET /api/users). */
export function PeopleSelect({
  department,
  multiple,
  exclude = [],
  allowOthers,
  ...rest
}: PeopleSelectProps) {
  const users = useDepartmentUsers(department);
  const options = (users.data?.items ?? [])
    .filter((u) => !exclude.includes(u.id))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.id}）` }));
  return (
    <Select
      {...rest}
      mode={multiple ? (allowOthers ? 'tags' : 'multiple') : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      loading={users.loading}
      options={options}
      allowClear
    />
  );
}
