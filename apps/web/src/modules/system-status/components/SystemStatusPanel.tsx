import type { ReactNode } from 'react';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useHealth } from '../hooks/use-health';
import { DependencyHealthCard } from './DependencyHealthCard';
import { centreTime } from '../../../ui/centre-day';

interface SystemStatusPanelProps {
  /** Optional link or action shown in the card header (e.g. "details" on the home dashboard). */
  extra?: ReactNode;
  /** One dependency per row, for narrow places such as the home dashboard. */
  stacked?: boolean;
}

/** Health of the API's dependencies, refreshed every 10 seconds. */
export function SystemStatusPanel({ extra, stacked = false }: SystemStatusPanelProps) {
  const column = stacked ? { xs: 24 } : { xs: 24, md: 12 };
  const { t } = useTranslation();
  const { data, error, loading, updatedAt, refresh } = useHealth();

  return (
    <Card
      title={t('health.title')}
      data-testid="system-status"
      aria-busy={loading}
      extra={
        <Space size="small">
          {extra}
          <Button
            size="small"
            icon={<ReloadOutlined />}
            onClick={refresh}
            loading={loading && data !== undefined}
          >
            {t('health.refresh')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error !== undefined && <ApiErrorAlert error={error} onRetry={refresh} />}
        {data && (
          <Alert
            type={data.status === 'ok' ? 'success' : 'warning'}
            showIcon
            data-testid="health-overall"
            data-state={data.status}
            title={data.status === 'ok' ? t('health.overallOk') : t('health.overallDegraded')}
          />
        )}
        <Row gutter={[12, 12]}>
          <Col {...column}>
            <DependencyHealthCard id="database" label={t('health.database')} health={data?.database} />
          </Col>
          <Col {...column}>
            <DependencyHealthCard id="temporal" label={t('health.temporal')} health={data?.temporal} />
          </Col>
        </Row>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            data && t('health.version', { version: data.version }),
            updatedAt
              ? t('health.lastChecked', { time: centreTime(updatedAt, 'HH:mm:ss') })
              : t('health.loading'),
            t('health.description'),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
