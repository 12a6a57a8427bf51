import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { timeStatuses, type TimeStatus } from '@onewindow/contracts';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/hooks/use-session';
import { useDepartments } from '../../departments/hooks/use-departments';

export interface InboxFilterValues {
  /** Another department's inbox (only for those who may list every department). */
  department?: string;
  search?: string;
  caseNo?: string;
  item?: string;
  applicant?: string;
  arrivedFrom?: string;
  arrivedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  timeStatus?: TimeStatus;
}

type Range = [Dayjs | null, Dayjs | null] | null;

interface FormValues {
  department?: string;
  search?: string;
  caseNo?: string;
  item?: string;
  applicant?: string;
  arrived?: Range;
  due?: Range;
  timeStatus?: TimeStatus;
}

interface InboxFiltersProps {
  items: { code: string; name: string }[];
  onSearch: (values: InboxFilterValues) => void;
  onRefresh: () => void;
  loading: boolean;
}

const day = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD');
const text = (value: string | undefined) => value?.trim() || undefined;

/**
 * The server-side filters of an inbox view: a keyword (case number, applicant or item), case number, item,
 * applicant (name, or the ID number in full or masked), arrival and due dates, time status, and — for a
 * supervisor, whom the access policy lets list every department — the department.
 */
export function InboxFilters({ items, onSearch, onRefresh, loading }: InboxFiltersProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const seesEveryDepartment = session?.user.roles.includes('supervisor') ?? false;
  const departments = useDepartments(seesEveryDepartment);
  const [form] = Form.useForm<FormValues>();
  const submit = (values: FormValues) =>
    onSearch({
      // Absent unless chosen: the workspace's own department stays in the query.
      ...(values.department ? { department: values.department } : {}),
      search: text(values.search),
      caseNo: text(values.caseNo),
      item: values.item,
      applicant: text(values.applicant),
      arrivedFrom: day(values.arrived?.[0]),
      arrivedTo: day(values.arrived?.[1]),
      dueFrom: day(values.due?.[0]),
      dueTo: day(values.due?.[1]),
      timeStatus: values.timeStatus,
    });
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={submit}
      aria-label={t('approvals.filters.label')}
      data-testid="inbox-filters"
      style={{ rowGap: 8 }}
    >
      {seesEveryDepartment && (
        <Form.Item name="department" label={t('approvals.filters.department')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={session?.user.departmentCode ?? t('approvals.filters.any')}
            style={{ width: 200 }}
            loading={departments.loading}
            aria-label={t('approvals.filters.department')}
            options={(departments.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="search" label={t('approvals.filters.keyword')}>
        <Input
          allowClear
          placeholder={t('approvals.filters.keywordPlaceholder')}
          style={{ width: 200 }}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item name="caseNo" label={t('approvals.filters.caseNo')}>
        <Input allowClear placeholder="YC…" style={{ width: 180 }} maxLength={16} />
      </Form.Item>
      <Form.Item name="item" label={t('approvals.filters.item')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('approvals.filters.any')}
          style={{ width: 220 }}
          options={items.map((i) => ({ value: i.code, label: i.name }))}
        />
      </Form.Item>
      <Form.Item name="applicant" label={t('approvals.filters.applicant')}>
        <Input
          allowClear
          placeholder={t('approvals.filters.applicantPlaceholder')}
          style={{ width: 240 }}
          maxLength={64}
        />
      </Form.Item>
      <Form.Item name="arrived" label={t('approvals.filters.arrived')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('approvals.filters.arrivedFrom'), t('approvals.filters.arrivedTo')]}
        />
      </Form.Item>
      <Form.Item name="due" label={t('approvals.filters.due')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('approvals.filters.dueFrom'), t('approvals.filters.dueTo')]}
        />
      </Form.Item>
      <Form.Item name="timeStatus" label={t('approvals.filters.timeStatus')}>
        <Select
          allowClear
          placeholder={t('approvals.filters.any')}
          style={{ width: 110 }}
          options={timeStatuses.map((s) => ({ value: s, label: t(`approvals.timeStatus.${s}`) }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('approvals.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('approvals.filters.reset')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onRefresh} loading={loading}>
          {t('approvals.filters.refresh')}
        </Button>
      </Space>
    </Form>
  );
}
