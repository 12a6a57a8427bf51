import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  closeRectificationRequestSchema,
  evaluationAspectLabels,
  evaluationGradeLabels,
  type EvaluationAspect,
  type EvaluationGrade,
  type RectificationOrder,
} from '@onewindow/contracts';
import { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ActionProblem } from '../../approvals/components/ActionProblem';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { useLanguage } from '../../i18n/hooks/use-language';
import { closeRectification, fetchRectifications } from '../api/rectification.api';
import { centreInstant, centreNow, centreTime } from '../../../ui/centre-day';

// A column's render gets (value, row, index): only the value is an instant.
const at = (iso: string) => centreTime(iso);

/** 差评整改: the department's rectification orders, open first by deadline, each closed with a callback. */
export function RectificationPanel({
  department,
  onOpenCase,
}: {
  department?: string;
  onOpenCase: (caseNo: string) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const orders = useApiQuery(`supervision-rectifications:${department ?? '*'}`, (signal) =>
    fetchRectifications(department, signal),
  );
  const [closing, setClosing] = useState<RectificationOrder>();
  const label = (l: { zh: string; en: string } | undefined, fallback: string) =>
    l ? (language === 'en' ? l.en : l.zh) : fallback;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rectifications">
      <Button icon={<ReloadOutlined />} onClick={orders.refresh} loading={orders.loading}>
        {t('supervision.refresh')}
      </Button>
      {orders.error !== undefined && <ApiErrorAlert error={orders.error} onRetry={orders.refresh} />}
      <Table<RectificationOrder>
        rowKey="id"
        size="small"
        loading={orders.loading && !orders.data}
        dataSource={orders.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('evaluation.orders.empty') }}
        columns={[
          {
            title: t('evaluation.orders.caseNo'),
            dataIndex: 'caseNo',
            render: (caseNo: string) => (
              <Typography.Link onClick={() => onOpenCase(caseNo)} data-testid="case-link">
                {caseNo}
              </Typography.Link>
            ),
          },
          { title: t('evaluation.orders.department'), dataIndex: 'departmentName' },
          {
            title: t('evaluation.orders.grade'),
            dataIndex: 'grade',
            render: (g: number) => (
              <Tag color="red">{label(evaluationGradeLabels[g as EvaluationGrade], String(g))}</Tag>
            ),
          },
          {
            title: t('evaluation.orders.comment'),
            render: (_: unknown, o) => (
              <Space orientation="vertical" size={0}>
                {o.comment && <span>{o.comment}</span>}
                {o.aspects.length > 0 && (
                  <Typography.Text type="secondary">
                    {o.aspects.map((a) => label(evaluationAspectLabels[a as EvaluationAspect], a)).join('、')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('evaluation.orders.evaluatedAt'), dataIndex: 'evaluatedAt', render: at },
          {
            title: t('evaluation.orders.deadline'),
            dataIndex: 'deadline',
            render: (d: string, o) => (o.overdue ? <Tag color="red">{d}</Tag> : <span>{d}</span>),
          },
          {
            title: t('evaluation.orders.state'),
            render: (_: unknown, o) =>
              o.state === 'open' ? (
                o.overdue ? (
                  <Tag color="red" data-testid="rectification-state">
                    {t('evaluation.orders.overdue')}
                  </Tag>
                ) : (
                  <Tag color="orange" data-testid="rectification-state">
                    {t('evaluation.orders.open')}
                  </Tag>
                )
              ) : (
                <Space orientation="vertical" size={0}>
                  <Tag color="green" data-testid="rectification-state">
                    {t('evaluation.orders.closed')}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('evaluation.orders.callbackSummary', {
                      by: o.callbackBy,
                      at: o.callbackAt ? at(o.callbackAt) : '',
                    })}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: '',
            render: (_: unknown, o) =>
              o.state === 'open' && (
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  onClick={() => setClosing(o)}
                  data-testid="rectification-close"
                >
                  {t('evaluation.orders.close')}
                </Button>
              ),
          },
        ]}
      />
      {closing && (
        <CloseRectificationModal
          order={closing}
          onClose={() => setClosing(undefined)}
          onDone={() => {
            setClosing(undefined);
            orders.refresh();
          }}
        />
      )}
    </Space>
  );
}

interface CloseFields {
  by?: string;
  at?: Dayjs;
  note?: string;
  rectification?: string;
}

function CloseRectificationModal({
  order,
  onClose,
  onDone,
}: {
  order: RectificationOrder;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseFields>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState<string>();

  const submit = async () => {
    const v = form.getFieldsValue();
    const parsed = closeRectificationRequestSchema.safeParse({
      callback: { by: v.by ?? '', at: v.at ? centreInstant(v.at) : '', note: v.note ?? '' },
      rectification: v.rectification ?? '',
    });
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message);
    setInvalid(undefined);
    setPending(true);
    setError(undefined);
    try {
      await closeRectification(order.id, parsed.data);
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
      mask={{ closable: false }}
      title={t('evaluation.orders.closeTitle', { caseNo: order.caseNo })}
      okText={t('evaluation.orders.close')}
      cancelText={t('supervision.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={pending}
      data-testid="rectification-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ at: centreNow() }}
        onValuesChange={() => setInvalid(undefined)}
      >
        <Typography.Paragraph type="secondary">{t('evaluation.orders.callbackHint')}</Typography.Paragraph>
        <Form.Item label={t('evaluation.orders.callbackBy')} name="by">
          <Input maxLength={100} data-testid="callback-by" />
        </Form.Item>
        <Form.Item label={t('evaluation.orders.callbackAt')} name="at">
          <DatePicker showTime style={{ width: '100%' }} data-testid="callback-at" />
        </Form.Item>
        <Form.Item label={t('evaluation.orders.callbackNote')} name="note">
          <Input.TextArea rows={2} maxLength={1000} data-testid="callback-note" />
        </Form.Item>
        <Form.Item label={t('evaluation.orders.rectification')} name="rectification">
          <Input.TextArea rows={3} maxLength={2000} data-testid="rectification-text" />
        </Form.Item>
      </Form>
      {invalid && <Alert type="error" showIcon title={invalid} data-testid="rectification-invalid" />}
      {error !== undefined && <ActionProblem error={error} />}
    </Modal>
  );
}
