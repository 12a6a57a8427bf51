import { useState } from 'react';
import { Alert, Button, Card, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, FileExclamationOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  submissionStatuses,
  type SubmissionOutcome,
  type SubmissionStatus,
  type SubmissionSummary,
} from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { CaseDocumentList } from '../../documents/components/CaseDocumentList';
import { acceptSubmission, fetchSubmissions } from '../api/online-submission.api';
import { SubmissionNoticeModal, SubmissionRefusalModal } from './PreReviewModals';
import { centreTime } from '../../../ui/centre-day';

/**
 * 网上预审 (the window desk's tab): online submissions, oldest first, with the last day for a one-time notice.
 * The clerk accepts one (the case counts from the day it was received), sends a one-time notice or refuses it;
 * each outcome shows the case number and its documents (受理通知书, 一次性告知书, 不予受理决定书).
 */
export function PreReviewQueue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SubmissionStatus>('pending');
  const queue = useApiQuery(`submissions:${status}`, (signal) => fetchSubmissions(status, signal));
  const [deciding, setDeciding] = useState<{ kind: 'notice' | 'refusal'; submission: SubmissionSummary }>();
  const [outcome, setOutcome] = useState<SubmissionOutcome>();
  const { pending, error, run } = useSubmission();

  const done = (answer: SubmissionOutcome) => {
    setDeciding(undefined);
    setOutcome(answer);
    queue.refresh();
  };
  const accept = async (submission: SubmissionSummary) => {
    const answer = await run(() => acceptSubmission(submission.submissionNo));
    if (answer) done(answer);
  };

  if (outcome)
    return (
      <Card data-testid="pre-review-outcome">
        <Result
          status={
            outcome.status === 'accepted' ? 'success' : outcome.status === 'refused' ? 'warning' : 'info'
          }
          title={t(
            `onlineSubmission.preReview.${outcome.status === 'accepted' ? 'accepted' : outcome.status === 'refused' ? 'refused' : 'noticed'}`,
            { caseNo: outcome.caseNo, acceptedOn: outcome.acceptedOn ?? '' },
          )}
          extra={
            <Button type="primary" onClick={() => setOutcome(undefined)}>
              {t('onlineSubmission.preReview.close')}
            </Button>
          }
        />
        <Typography.Title level={5}>{t('documents.title')}</Typography.Title>
        <CaseDocumentList caseNo={outcome.caseNo} untilIssued={outcome.status === 'accepted'} />
      </Card>
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="pre-review">
      <Alert type="info" showIcon title={t('onlineSubmission.preReview.explain')} />
      <Space wrap>
        <Segmented<SubmissionStatus>
          value={status}
          onChange={setStatus}
          options={submissionStatuses.map((s) => ({ value: s, label: t(`onlineSubmission.statuses.${s}`) }))}
        />
        <Button icon={<ReloadOutlined />} onClick={queue.refresh} loading={queue.loading}>
          {t('onlineSubmission.preReview.view')}
        </Button>
      </Space>
      {queue.error !== undefined && <ApiErrorAlert error={queue.error} />}
      {error !== undefined && <ApiErrorAlert error={error} />}
      <Table<SubmissionSummary>
        rowKey="submissionNo"
        size="small"
        loading={queue.loading}
        dataSource={queue.data ?? []}
        locale={{ emptyText: t('onlineSubmission.preReview.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('onlineSubmission.preReview.submissionNo'), dataIndex: 'submissionNo', width: 170 },
          {
            title: t('onlineSubmission.preReview.items'),
            width: 200,
            render: (_, s) => s.items.map((i) => i.name).join('、'),
          },
          {
            title: t('onlineSubmission.preReview.applicant'),
            width: 200,
            render: (_, s) => (
              <Space orientation="vertical" size={0}>
                {s.applicant.name}
                <Typography.Text type="secondary">{s.applicant.idNumber}</Typography.Text>
                {s.applicant.email && <Typography.Text type="secondary">{s.applicant.email}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('onlineSubmission.preReview.materials'),
            render: (_, s) => (
              <Space wrap size={4}>
                {s.materials.map((m) => (
                  <Tag key={m.materialCode}>
                    {m.name}（{t(`onlineSubmission.${m.form === 'paper' ? 'paper' : 'electronic'}`)}）
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('onlineSubmission.preReview.receivedAt'),
            width: 160,
            render: (_, s) => centreTime(s.receivedAt),
          },
          { title: t('onlineSubmission.preReview.deadline'), dataIndex: 'deadline', width: 110 },
          ...(status === 'pending'
            ? [
                {
                  title: t('onlineSubmission.preReview.actions'),
                  key: 'actions',
                  width: 300,
                  render: (_: unknown, s: SubmissionSummary) => (
                    <Space wrap>
                      <Button
                        type="primary"
                        size="small"
                        icon={<CheckOutlined />}
                        data-testid="accept-submission"
                        loading={pending}
                        onClick={() => void accept(s)}
                      >
                        {t('onlineSubmission.preReview.accept')}
                      </Button>
                      <Button
                        size="small"
                        icon={<FileExclamationOutlined />}
                        data-testid="notice-submission"
                        onClick={() => setDeciding({ kind: 'notice', submission: s })}
                      >
                        {t('onlineSubmission.preReview.notice')}
                      </Button>
                      <Button
                        size="small"
                        danger
                        icon={<StopOutlined />}
                        data-testid="refuse-submission"
                        onClick={() => setDeciding({ kind: 'refusal', submission: s })}
                      >
                        {t('onlineSubmission.preReview.refuse')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : [
                {
                  title: t('onlineSubmission.preReview.caseNo'),
                  key: 'caseNo',
                  width: 170,
                  render: (_: unknown, s: SubmissionSummary) => s.caseNo ?? '—',
                },
              ]),
        ]}
      />
      {deciding?.kind === 'notice' && (
        <SubmissionNoticeModal
          submission={deciding.submission}
          onClose={() => setDeciding(undefined)}
          onDone={done}
        />
      )}
      {deciding?.kind === 'refusal' && (
        <SubmissionRefusalModal
          submission={deciding.submission}
          onClose={() => setDeciding(undefined)}
          onDone={done}
        />
      )}
    </Space>
  );
}
