import { Card, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { HealthResponse } from '@onewindow/contracts';

type DependencyHealth = HealthResponse['database'];

interface DependencyHealthCardProps {
  /** Stable id used by data-testid (`health-<id>`). */
  id: 'database' | 'temporal';
  label: string;
  health: DependencyHealth | undefined;
}

export function DependencyHealthCard({ id, label, health }: DependencyHealthCardProps) {
  const { t } = useTranslation();
  const state = health === undefined ? 'unknown' : health.up ? 'up' : 'down';
  return (
    <Card
      size="small"
      data-testid={`health-${id}`}
      data-state={state}
      role="group"
      aria-label={label}
      title={label}
      extra={
        health &&
        (health.up ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('health.up')}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />}>
            {t('health.down')}
          </Tag>
        ))
      }
    >
      {health ? (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <Typography.Text type={health.up ? 'secondary' : 'danger'} style={{ wordBreak: 'break-all' }}>
            {health.detail}
          </Typography.Text>
          {health.latencyMs !== undefined && (
            <Typography.Text type="secondary">
              {t('health.latency', { ms: Math.round(health.latencyMs) })}
            </Typography.Text>
          )}
        </Space>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} title={false} />
      )}
    </Card>
  );
}
