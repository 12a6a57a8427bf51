import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import type { CalendarYear } from '@onewindow/calendar';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import {
  fetchCalendarRun,
  loadCalendarYear,
  previewCalendarYear,
  retryCalendarRun,
  type CalendarPreview,
  type CalendarRun,
} from '../api/admin.api';

/** How often the page asks for the run's progress. */
const POLL_MS = 500;

interface NoticeForm {
  year?: number;
  source?: string;
  holidays?: { name?: string; start?: string; end?: string }[];
  adjusted?: string;
}

/** The form as the API takes a notice; what the form cannot tell (bad dates, overlaps) the API refuses in Chinese. */
const noticeOf = (form: NoticeForm) => ({
  year: form.year,
  source: form.source ?? '',
  provisional: false,
  holidays: (form.holidays ?? []).map((h) => ({
    name: h.name ?? '',
    start: h.start ?? '',
    end: h.end ?? '',
  })),
  adjustedWorkingDays: (form.adjusted ?? '')
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean),
});

const formOf = (year: CalendarYear): NoticeForm => ({
  year: year.year,
  source: year.provisional ? '' : year.source,
  holidays: year.holidays.map(({ name, start, end }) => ({ name, start, end })),
  adjusted: year.adjustedWorkingDays.join(', '),
});

/** Asks for the run until it has finished; each answer replaces the one shown. */
function usePolledRun(initial: CalendarRun | undefined, onFinished: () => void) {
  const [run, setRun] = useState(initial);
  const [error, setError] = useState<unknown>();
  useEffect(() => setRun(initial), [initial]);
  useEffect(() => {
    if (!run || run.status === 'finished') return;
    const timer = setTimeout(() => {
      fetchCalendarRun(run.id).then(
        (next) => {
          setError(undefined);
          setRun(next);
          if (next.status === 'finished') onFinished();
        },
        (failure: unknown) => setError(failure),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, onFinished]);
  return { run, error };
}

function RunProgress({
  run,
  onRetry,
  retrying,
}: {
  run: CalendarRun;
  onRetry: () => void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  const total = run.total ?? 0;
  const percent = run.status === 'finished' ? 100 : total === 0 ? 0 : Math.floor((run.done / total) * 100);
  const outcomeTag = {
    refreshed: <Tag color="blue">{t('admin.calendar.load.refreshed')}</Tag>,
    unchanged: <Tag>{t('admin.calendar.load.unchanged')}</Tag>,
    failed: <Tag color="red">{t('admin.calendar.load.failed')}</Tag>,
  };
  return (
    <Card size="small" data-testid="calendar-run" data-status={run.status}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          {t(
            `admin.calendar.load.${run.retryOf ? 'retry' : 'run'}${run.status === 'finished' ? 'DoneTitle' : 'Title'}`,
            { year: run.year },
          )}
        </Typography.Text>
        <Progress
          percent={percent}
          status={run.status === 'running' ? 'active' : run.failed > 0 ? 'exception' : 'success'}
          data-testid="calendar-run-progress"
        />
        <Typography.Text data-testid="calendar-run-summary">
          {t('admin.calendar.load.runSummary', {
            done: run.done,
            total: run.total ?? '…',
            refreshed: run.refreshed,
            unchanged: run.unchanged,
            failed: run.failed,
          })}
        </Typography.Text>
        <Table
          size="small"
          rowKey="caseNo"
          data-testid="calendar-run-results"
          dataSource={run.results}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.calendar.load.caseNo'), dataIndex: 'caseNo', width: 200 },
            {
              title: t('admin.calendar.load.outcome'),
              dataIndex: 'outcome',
              width: 110,
              render: (outcome: CalendarRun['results'][number]['outcome']) => outcomeTag[outcome],
            },
            { title: t('admin.calendar.load.reason'), dataIndex: 'reason' },
          ]}
        />
        {run.status === 'finished' && run.failed > 0 && (
          <Button icon={<RedoOutlined />} loading={retrying} onClick={onRetry} data-testid="calendar-retry">
            {t('admin.calendar.load.retry', { n: run.failed })}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function PreviewResult({ preview }: { preview: CalendarPreview }) {
  const { t } = useTranslation();
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="calendar-preview">
      {preview.replacesOfficial && (
        <Alert
          type="warning"
          showIcon
          title={t('admin.calendar.load.replacesOfficial', { year: preview.year })}
        />
      )}
      <Alert
        type={preview.same ? 'info' : 'success'}
        showIcon
        title={
          preview.same
            ? t('admin.calendar.load.same', { year: preview.year })
            : t('admin.calendar.load.previewSummary', {
                year: preview.year,
                open: preview.openCases,
                moved: preview.moved.length,
                unchanged: preview.unchanged,
              })
        }
        description={t('admin.calendar.load.previewHint')}
      />
      {preview.moved.length > 0 && (
        <Table
          size="small"
          rowKey="caseNo"
          data-testid="calendar-preview-moved"
          dataSource={preview.moved}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.calendar.load.caseNo'), dataIndex: 'caseNo', width: 200 },
            {
              title: t('admin.calendar.load.unit'),
              dataIndex: 'unit',
              width: 100,
              render: (unit: string) => t(`admin.calendar.load.units.${unit}`),
            },
            { title: t('admin.calendar.load.oldDue'), dataIndex: 'oldDue', width: 130 },
            { title: t('admin.calendar.load.newDue'), dataIndex: 'newDue', width: 130 },
            {
              title: t('admin.calendar.load.shift'),
              key: 'shift',
              render: (_, row) =>
                t('admin.calendar.load.shiftValue', {
                  working: signed(row.workingDays),
                  calendar: signed(row.calendarDays),
                }),
            },
          ]}
        />
      )}
    </Space>
  );
}

/**
 * 载入节假日通知: a year's notice entered in a form or read from a JSON file; a preview of which open cases'
 * statutory due dates would move, then loading it with a refresh run of the open cases (progress, each case's
 * result, retry of the failed ones). `base` is the year shown in the grid, offered as the form's draft.
 */
export function CalendarLoad({ base, onLoaded }: { base?: CalendarYear; onLoaded: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NoticeForm>();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<unknown>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [preview, setPreview] = useState<CalendarPreview>();
  const [started, setStarted] = useState<CalendarRun>();
  // Only the shown tab's button spins: a spinner stopping in a hidden tab never finishes its motion.
  const [tab, setTab] = useState('form');
  const previewing = useSubmission();
  const loading = useSubmission();
  const retrying = useSubmission();
  const { run, error: pollError } = usePolledRun(started, onLoaded);

  const reset = () => {
    setNotice(undefined);
    setPreview(undefined);
    setFileProblem(undefined);
  };
  const check = async (candidate: unknown) => {
    reset();
    setNotice(candidate);
    const result = await previewing.run(() => previewCalendarYear(candidate));
    if (result) setPreview(result);
  };
  const readFile = async (file: File) => {
    reset();
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (cause) {
      setFileProblem(t('admin.calendar.load.badJson', { name: file.name, reason: (cause as Error).message }));
      return;
    }
    await check(parsed);
  };
  const confirm = async () => {
    if (!preview) return;
    const result = await loading.run(() => loadCalendarYear(notice, preview.replacesOfficial));
    if (result) {
      setOpen(false);
      reset();
      setStarted(result);
      onLoaded();
    }
  };
  const retry = async () => {
    if (!run) return;
    const result = await retrying.run(() => retryCalendarRun(run.id));
    if (result) setStarted(result);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          data-testid="calendar-load"
          onClick={() => {
            reset();
            form.resetFields();
            setOpen(true);
          }}
        >
          {t('admin.calendar.load.open')}
        </Button>
      </Space>
      {run && <RunProgress run={run} onRetry={() => void retry()} retrying={retrying.pending} />}
      {pollError !== undefined && <ApiErrorAlert error={pollError} />}
      {retrying.error !== undefined && <ApiErrorAlert error={retrying.error} />}
      <Modal
        open={open}
        width={860}
        title={t('admin.calendar.load.title')}
        mask={{ closable: false }}
        onCancel={() => setOpen(false)}
        data-testid="calendar-load-modal"
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('admin.cancel')}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            data-testid="calendar-confirm"
            disabled={!preview || preview.same}
            loading={loading.pending}
            onClick={() => void confirm()}
          >
            {t('admin.calendar.load.confirm')}
          </Button>,
        ]}
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'form',
              label: t('admin.calendar.load.byForm'),
              children: (
                <Form
                  form={form}
                  layout="vertical"
                  onFinish={(values) => void check(noticeOf(values))}
                  onValuesChange={reset}
                >
                  <Space wrap align="start">
                    <Form.Item
                      name="year"
                      label={t('admin.calendar.year')}
                      rules={[{ required: true, message: t('admin.calendar.load.yearRequired') }]}
                    >
                      <InputNumber data-testid="notice-year" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item
                      name="source"
                      label={t('admin.calendar.load.source')}
                      rules={[{ required: true, message: t('admin.calendar.load.sourceRequired') }]}
                    >
                      <Input
                        data-testid="notice-source"
                        style={{ width: 420 }}
                        placeholder={t('admin.calendar.load.sourcePlaceholder')}
                      />
                    </Form.Item>
                    {base && (
                      <Form.Item label=" ">
                        <Button onClick={() => form.setFieldsValue(formOf(base))} data-testid="notice-draft">
                          {t('admin.calendar.load.draft', { year: base.year })}
                        </Button>
                      </Form.Item>
                    )}
                  </Space>
                  <Typography.Paragraph strong>{t('admin.calendar.load.holidays')}</Typography.Paragraph>
                  <Form.List name="holidays">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((field) => (
                          <Space key={field.key} align="baseline" data-testid="notice-holiday">
                            <Form.Item name={[field.name, 'name']}>
                              <Input
                                placeholder={t('admin.calendar.load.holidayName')}
                                style={{ width: 160 }}
                              />
                            </Form.Item>
                            <Form.Item name={[field.name, 'start']}>
                              <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
                            </Form.Item>
                            <span>～</span>
                            <Form.Item name={[field.name, 'end']}>
                              <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => remove(field.name)} />
                          </Space>
                        ))}
                        <Form.Item>
                          <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
                            {t('admin.calendar.load.addHoliday')}
                          </Button>
                        </Form.Item>
                      </>
                    )}
                  </Form.List>
                  <Form.Item name="adjusted" label={t('admin.calendar.load.adjusted')}>
                    <Input.TextArea rows={2} placeholder={t('admin.calendar.load.adjustedPlaceholder')} />
                  </Form.Item>
                  <Button
                    htmlType="submit"
                    loading={tab === 'form' && previewing.pending}
                    data-testid="notice-preview"
                  >
                    {t('admin.calendar.load.preview')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'file',
              label: t('admin.calendar.load.byFile'),
              children: (
                <Space orientation="vertical">
                  <Typography.Text type="secondary">{t('admin.calendar.load.fileHint')}</Typography.Text>
                  <Upload
                    accept=".json,application/json"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void readFile(file);
                      return false;
                    }}
                  >
                    <Button
                      icon={<UploadOutlined />}
                      loading={tab === 'file' && previewing.pending}
                      data-testid="notice-file"
                    >
                      {t('admin.calendar.load.chooseFile')}
                    </Button>
                  </Upload>
                </Space>
              ),
            },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          {fileProblem && (
            <Alert type="error" showIcon role="alert" data-testid="notice-refused" title={fileProblem} />
          )}
          {previewing.error !== undefined && <ApiErrorAlert error={previewing.error} />}
          {loading.error !== undefined && <ApiErrorAlert error={loading.error} />}
          {preview && <PreviewResult preview={preview} />}
        </div>
      </Modal>
    </Space>
  );
}
