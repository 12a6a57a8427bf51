import { useCallback } from 'react';
import { Card, Space, Statistic, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { useSession } from '../../session/hooks/use-session';
import { fetchWindowCounters } from '../api/window.api';

const shown = ['received', 'accepted', 'notices', 'refused', 'issued', 'reusedCertificates'] as const;
const COUNTERS_KEY = 'window-counters';

/** Reloads the counters strip (after an intake outcome or an issuance). */
export function useRefreshCounters(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: [COUNTERS_KEY] }), [client]);
}

/**
 * 今日工作量: what the signed-in clerk took in, accepted, told to supplement, refused and issued today, and the
 * materials spared by reusing certificates on file (免提交) in what was accepted.
 */
export function WindowCounters() {
  const { t } = useTranslation();
  const { can } = useSession();
  const counters = useApiQuery(COUNTERS_KEY, (signal) => fetchWindowCounters(signal), {
    refreshIntervalMs: 30_000,
  });
  if (!can('case.accept') || !counters.data) return null;
  const data = counters.data;
  return (
    <Card size="small" data-testid="window-counters">
      <Space size="large" wrap align="center">
        <Typography.Text strong>{t('window.counters.title', { day: data.day })}</Typography.Text>
        {shown.map((k) => (
          <Statistic key={k} title={t(`window.counters.${k}`)} value={data[k]} data-testid={`counter-${k}`} />
        ))}
      </Space>
    </Card>
  );
}
