import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicSubmissionStatus } from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { isApiError } from '../../api-client/api-error';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { lookUpSubmission } from '../api/online-submission.api';
import { centreTime } from '../../../ui/centre-day';

const statusColor: Record<PublicSubmissionStatus['status'], string> = {
  pending: 'processing',
  accepted: 'success',
  deemed_accepted: 'success',
  correction_notified: 'warning',
  refused: 'error',
};

/**
 * 申报状态查询: the submission number (from the receipt's link) and the last 4 characters of the ID number →
 * the status, and the case number once the window acted (the case look-up follows it from then on).
 */
export function SubmissionStatusLookup() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fromLink = /^WS\d{14}$/.test(params.get('no') ?? '') ? params.get('no')! : undefined;
  const [result, setResult] = useState<PublicSubmissionStatus>();
  const { pending, error, run } = useSubmission();

  const onFinish = async ({ submissionNo, code }: { submissionNo: string; code: string }) => {
    setResult(undefined);
    const found = await run(() =>
      lookUpSubmission(submissionNo.trim().toUpperCase(), code.trim().toUpperCase()),
    );
    if (found) setResult(found);
  };
  const notFound = isApiError(error) && error.kind === 'problem' && error.status === 404;

  return (
    <Card title={t('onlineSubmission.status.title')}>
      <Form
        layout="vertical"
        style={{ maxWidth: 420 }}
        requiredMark={false}
        data-testid="submission-status-form"
        initialValues={fromLink ? { submissionNo: fromLink } : undefined}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="submissionNo"
          label={t('onlineSubmission.status.submissionNo')}
          rules={[
            { required: true, message: t('onlineSubmission.status.submissionNoRequired') },
            { pattern: /^\s*[Ww][Ss]\d{14}\s*$/, message: t('onlineSubmission.status.submissionNoFormat') },
          ]}
        >
          <Input placeholder="WS20261214000001" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('onlineSubmission.status.code')}
          rules={[
            { required: true, message: t('onlineSubmission.status.codeRequired') },
            { pattern: /^\s*[0-9A-Za-z]{4}\s*$/, message: t('onlineSubmission.status.codeFormat') },
          ]}
        >
          <Input maxLength={4} autoComplete="off" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={pending}>
          {t('onlineSubmission.status.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }} aria-live="polite">
        {notFound && (
          <Alert type="warning" showIcon role="alert" title={t('onlineSubmission.status.notFound')} />
        )}
        {error !== undefined && !notFound && <ApiErrorAlert error={error} />}
        {result && (
          <Descriptions bordered column={1} size="small" data-testid="submission-status">
            <Descriptions.Item label={t('onlineSubmission.status.submissionNo')}>
              {result.submissionNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('onlineSubmission.status.result')}>
              <Tag color={statusColor[result.status]}>{t(`onlineSubmission.statuses.${result.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('onlineSubmission.status.receivedAt')}>
              {centreTime(result.receivedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('onlineSubmission.status.deadline')}>
              {result.deadline}
            </Descriptions.Item>
            {result.caseNo && (
              <Descriptions.Item label={t('onlineSubmission.status.caseNo')}>
                {result.caseNo}{' '}
                <Link to={`/lookup?case=${result.caseNo}`}>{t('onlineSubmission.status.caseLookup')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </div>
    </Card>
  );
}
