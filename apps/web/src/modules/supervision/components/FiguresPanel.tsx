import { Col, Row, Skeleton, Space, Typography } from 'antd';
import type { DepartmentFigures } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchFigures } from '../api/supervision.api';
import { DepartmentChartCard, DepartmentRowsTable, PeriodPicker, usePeriodQuery } from './PeriodFigures';
import { ExportButton } from './SupervisionTables';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const days = (n: number | null) => (n === null ? '—' : n);

/**
 * Per department over a chosen period: open work (open, due this week, overdue) and, of the tasks decided in
 * the period, the on-time rate and the working days used against the statutory and promised limits — two
 * ECharts charts over the same numbers as the table (which exports to XLSX).
 */
export function FiguresPanel({ department }: { department?: string }) {
  const { t } = useTranslation();
  const { period, setPeriod, query } = usePeriodQuery(department);
  const figures = useApiQuery(`supervision-figures:${JSON.stringify(query)}`, (signal) =>
    fetchFigures(query, signal),
  );
  const rows = figures.data?.departments ?? [];
  const names = rows.map((d) => d.departmentName);
  const workloadAxes = [
    { type: 'value', name: t('supervision.figures.tasks'), minInterval: 1 },
    { type: 'value', name: t('supervision.figures.onTimeRate'), min: 0, max: 100 },
  ];
  const workload = [
    { name: t('supervision.figures.open'), type: 'bar', data: rows.map((d) => d.open) },
    { name: t('supervision.figures.dueThisWeek'), type: 'bar', data: rows.map((d) => d.dueThisWeek) },
    {
      name: t('supervision.figures.overdue'),
      type: 'bar',
      data: rows.map((d) => d.overdue),
      itemStyle: { color: '#cf1322' },
    },
    {
      name: t('supervision.figures.onTimeRate'),
      type: 'line',
      yAxisIndex: 1,
      data: rows.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)),
    },
  ];
  const limits = [
    { name: t('supervision.figures.used'), type: 'bar', data: rows.map((d) => d.avgWorkingDaysUsed) },
    { name: t('supervision.figures.promised'), type: 'bar', data: rows.map((d) => d.avgPromisedLimit) },
    { name: t('supervision.figures.statutory'), type: 'bar', data: rows.map((d) => d.avgStatutoryLimit) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="figures">
      <Space wrap>
        <Typography.Text>{t('supervision.figures.period')}</Typography.Text>
        <PeriodPicker period={period} onChange={setPeriod} testId="figures-period" />
        <ExportButton table="figures" query={query} />
        {figures.data && (
          <Typography.Text type="secondary">
            {t('supervision.figures.openOn', { day: figures.data.on })}
          </Typography.Text>
        )}
      </Space>
      {figures.error !== undefined && <ApiErrorAlert error={figures.error} onRetry={figures.refresh} />}
      {!figures.data && figures.error === undefined && <Skeleton active />}
      {figures.data && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <DepartmentChartCard
                title={t('supervision.figures.workloadChart')}
                testId="chart-workload"
                departmentNames={names}
                yAxis={workloadAxes}
                series={workload}
                gridRight={48}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DepartmentChartCard
                title={t('supervision.figures.limitsChart')}
                testId="chart-limits"
                departmentNames={names}
                yAxis={{ type: 'value', name: t('supervision.figures.workingDays') }}
                series={limits}
              />
            </Col>
          </Row>
          <DepartmentRowsTable<DepartmentFigures>
            rows={rows}
            rowTestId="figures-row"
            columns={[
              { title: t('supervision.columns.department'), dataIndex: 'departmentName' },
              { title: t('supervision.figures.open'), dataIndex: 'open' },
              { title: t('supervision.figures.dueThisWeek'), dataIndex: 'dueThisWeek' },
              { title: t('supervision.figures.overdue'), dataIndex: 'overdue' },
              { title: t('supervision.figures.closed'), dataIndex: 'closed' },
              { title: t('supervision.figures.onTime'), dataIndex: 'onTime' },
              { title: t('supervision.figures.onTimeRate'), dataIndex: 'onTimeRate', render: percent },
              { title: t('supervision.figures.terminated'), dataIndex: 'terminated' },
              { title: t('supervision.figures.used'), dataIndex: 'avgWorkingDaysUsed', render: days },
              { title: t('supervision.figures.promised'), dataIndex: 'avgPromisedLimit', render: days },
              { title: t('supervision.figures.statutory'), dataIndex: 'avgStatutoryLimit', render: days },
            ]}
          />
        </>
      )}
    </Space>
  );
}
