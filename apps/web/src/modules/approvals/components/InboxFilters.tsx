import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { timeStatuses, type TimeStatus } from '@onewindow/contracts';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export interface InboxFilterValues {
  caseNo?: string;
  item?: string;
  arrivedFrom?: string;
  arrivedTo?: string;
  timeStatus?: TimeStatus;
}

interface FormValues {
  caseNo?: string;
  item?: string;
  arrived?: [Dayjs | null, Dayjs | null] | null;
  timeStatus?: TimeStatus;
}

interface InboxFiltersProps {
  items: { code: string; name: string }[];
  onSearch: (values: InboxFilterValues) => void;
  onRefresh: () => void;
  loading: boolean;
}

/** The server-side filters of an inbox view: case number, item, arrival dates, time status. */
export function InboxFilters({ items, onSearch, onRefresh, loading }: InboxFiltersProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const submit = (values: FormValues) =>
    onSearch({
      caseNo: values.caseNo?.trim() || undefined,
      item: values.item,
      arrivedFrom: values.arrived?.[0]?.format('YYYY-MM-DD'),
      arrivedTo: values.arrived?.[1]?.format('YYYY-MM-DD'),
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
      <Form.Item name="arrived" label={t('approvals.filters.arrived')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('approvals.filters.arrivedFrom'), t('approvals.filters.arrivedTo')]}
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
