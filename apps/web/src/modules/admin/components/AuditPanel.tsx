import { useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { AdminAuditEntry, AdminAuditVerification } from '@onewindow/contracts';
import { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { useSession } from '../../session/hooks/use-session';
import { auditCsvUrl, verifyAuditChain, type AuditFilters } from '../api/admin.api';
import { useAuditPage } from '../hooks/use-admin-data';
import { centreInstant, centreTime } from '../../../ui/centre-day';

interface FilterValues {
  caseNo?: string;
  username?: string;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const time = (at: string) => centreTime(at, 'YYYY-MM-DD HH:mm:ss');

/** Who did it: the account's name when known, else its id, else 系统 / 未登录. */
function Actor({ entry }: { entry: AdminAuditEntry }) {
  const { t } = useTranslation();
  if (entry.actorUsername)
    return (
      <>
        {entry.actorDisplayName} <Typography.Text type="secondary">{entry.actorUsername}</Typography.Text>
      </>
    );
  if (entry.actorUserId === 'system') return <>{t('admin.audit.system')}</>;
  return <>{entry.actorUserId ?? t('admin.audit.anonymous')}</>;
}

function EntryDetails({ entry }: { entry: AdminAuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered data-testid="audit-entry-details">
      <Descriptions.Item label={t('admin.audit.seq')}>{entry.seq}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.at')}>{time(entry.at)}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.actor')}>
        <Actor entry={entry} />
      </Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.action')}>{entry.action}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.target')}>{entry.target ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.ip')}>{entry.ip ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.requestId')}>{entry.requestId ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('admin.audit.payload')}>
        <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {entry.payload ?? '—'}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

function VerificationResult({ result }: { result: AdminAuditVerification }) {
  const { t } = useTranslation();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verification"
        title={t('admin.audit.chainOk', { n: result.entries })}
        description={t('admin.audit.headHash', { hash: result.headHash ?? '' })}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verification"
      title={t('admin.audit.chainBroken', { seq: result.brokenAtSeq, n: result.entries })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            {/changed after it was written/.test(result.reason ?? '')
              ? t('admin.audit.brokenChanged')
              : t('admin.audit.brokenLink')}
          </span>
          {result.brokenEntry && <EntryDetails entry={result.brokenEntry} />}
        </Space>
      }
    />
  );
}

/** 审计日志: filter by case, user, action and time; each entry's details; chain verification; CSV export. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const audit = useAuditPage(filters, paging.page, paging.pageSize);
  const verification = useSubmission();
  const [verified, setVerified] = useState<AdminAuditVerification>();

  const search = (values: FilterValues) => {
    const [from, to] = values.period ?? [];
    setFilters({
      caseNo: values.caseNo?.trim() || undefined,
      username: values.username?.trim() || undefined,
      action: values.action?.trim() || undefined,
      from: from ? centreInstant(from) : undefined,
      to: to ? centreInstant(to) : undefined,
    });
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const verify = async () => {
    setVerified(undefined);
    const result = await verification.run(verifyAuditChain);
    if (result) setVerified(result);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={search} data-testid="audit-filters">
        <Form.Item name="caseNo" label={t('admin.audit.caseNo')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="username" label={t('admin.audit.username')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Input allowClear style={{ width: 180 }} placeholder={t('admin.audit.actionPlaceholder')} />
        </Form.Item>
        <Form.Item name="period" label={t('admin.audit.period')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('admin.audit.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              {t('admin.audit.clear')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Space wrap>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verification.pending}
          onClick={() => void verify()}
        >
          {t('admin.audit.verify')}
        </Button>
        {can('audit.export') && (
          <Button icon={<DownloadOutlined />} href={auditCsvUrl(filters)} download="audit-log.csv">
            {t('admin.audit.export')}
          </Button>
        )}
      </Space>
      {verification.error !== undefined && <ApiErrorAlert error={verification.error} />}
      {verified && <VerificationResult result={verified} />}
      {audit.error !== undefined && <ApiErrorAlert error={audit.error} onRetry={audit.refresh} />}
      <Table<AdminAuditEntry>
        data-testid="audit-table"
        rowKey="seq"
        size="small"
        loading={audit.loading}
        dataSource={audit.data?.entries ?? []}
        expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('admin.audit.total', { n: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('admin.audit.seq'), dataIndex: 'seq', width: 80 },
          { title: t('admin.audit.at'), dataIndex: 'at', width: 170, render: time },
          { title: t('admin.audit.actor'), key: 'actor', width: 180, render: (_, e) => <Actor entry={e} /> },
          { title: t('admin.audit.action'), dataIndex: 'action', width: 240 },
          {
            title: t('admin.audit.target'),
            dataIndex: 'target',
            width: 200,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('admin.audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: t('admin.audit.payload'),
            dataIndex: 'payload',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </Space>
  );
}
