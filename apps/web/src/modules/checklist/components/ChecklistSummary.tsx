import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistResponse } from '@onewindow/contracts';

/** How many submissions the applicant still makes, against what separate applications would ask for. */
export function ChecklistSummary({ checklist }: { checklist: ChecklistResponse }) {
  const { t } = useTranslation();
  const { counts } = checklist;
  const unit = t('checklist.unit');
  return (
    <div data-testid="checklist-counts">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={4}>
          <Statistic
            title={t('checklist.counts.required')}
            value={counts.submissionsRequired}
            suffix={unit}
            styles={{ content: { color: '#1f5fbf' } }}
            data-testid="count-required"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('checklist.counts.optional')}
            value={counts.submissionsOptional}
            suffix={unit}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('checklist.counts.saved')}
            value={counts.submissionsSaved}
            suffix={unit}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="count-saved"
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('checklist.counts.listed')} value={counts.requirementsListed} suffix={unit} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('checklist.counts.byMerging')} value={counts.savedByMerging} suffix={unit} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('checklist.counts.byReuse')} value={counts.savedByReuse} suffix={unit} />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          checklist.applicantCode &&
            t('checklist.applicantLine', {
              name: checklist.applicantName ?? checklist.applicantCode,
              count: checklist.certificatesOnFile,
            }),
          t('checklist.asOf', { date: checklist.asOf }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}
