import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EvaluationForm } from '../../public-lookup/components/EvaluationForm';
import { useSession } from '../../session/hooks/use-session';

/**
 * 窗口评价器: the rating page the window clerk opens from an issued case (待出件 → 请申请人评价) on the counter
 * tablet, framed without the staff menu. The applicant rates without signing in: the rating goes out on the
 * clerk's session of this device (channel `window`, the clerk is the staff rated); without one, the page says so.
 */
export function CounterRatingPage() {
  const { t } = useTranslation();
  const { caseNo = '' } = useParams();
  const { session } = useSession();
  if (session === undefined) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="counter-rating">
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {t('evaluation.counter.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('evaluation.counter.caseNo', { caseNo })}</Typography.Text>
      {session === null ? (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.counter.signInFirst')}
          data-testid="counter-sign-in"
        />
      ) : (
        <EvaluationForm caseNo={caseNo} channel="window" title={t('evaluation.title')} />
      )}
    </Space>
  );
}
