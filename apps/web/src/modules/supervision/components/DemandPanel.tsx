import { useState, type ReactNode } from 'react';
import { Card, Col, DatePicker, Row, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { DemandAnalytics, DemandExportTable } from '@onewindow/contracts';
import { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { fetchDemand } from '../api/supervision.api';
import { ExportButton } from './SupervisionTables';
import { centreToday } from '../../../ui/centre-day';

echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const dash = (n: number | null) => (n === null ? '—' : n);

function Chart({ testId, title, option }: { testId: string; title: string; option: object }) {
  return (
    <Card size="small" title={title}>
      <div data-testid={testId}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />
      </div>
    </Card>
  );
}

/** One table of the tab with its XLSX export (the same period and department as the page). */
function DemandTable<T extends object>({
  table,
  title,
  rows,
  rowKey,
  columns,
  query,
  extra,
}: {
  table: DemandExportTable;
  title: string;
  rows: T[];
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  query: object;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space>
          {extra}
          <ExportButton table={table} query={query} />
        </Space>
      }
      data-testid={table}
    >
      <Table<T>
        size="small"
        rowKey={rowKey}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('supervision.demand.empty') }}
        onRow={() => ({ 'data-testid': `${table}-row` }) as React.HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}

/**
 * 需求分析 over a chosen period (cases accepted in it): the most-requested items and bundles, materials not
 * submitted thanks to certificate reuse (per month and per certificate type), acceptances by weekday and hour
 * for staffing the windows, and per item the handling time against the statutory and promised limits. ECharts
 * over the same numbers as the tables, each of which exports to XLSX.
 */
export function DemandPanel({ department }: { department?: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [
    centreToday().subtract(2, 'month').startOf('month'),
    centreToday(),
  ]);
  const query = {
    department,
    from: period[0].format('YYYY-MM-DD'),
    to: period[1].format('YYYY-MM-DD'),
  };
  const demand = useApiQuery(`supervision-demand:${JSON.stringify(query)}`, (signal) =>
    fetchDemand(query, signal),
  );
  const d: DemandAnalytics | undefined = demand.data;
  const weekdays = t('supervision.demand.weekdays').split(',');
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const items = d ? [...d.items].reverse() : [];
  const itemsOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 160, right: 24, top: 16, bottom: 32 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: items.map((i) => i.name),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [{ name: t('supervision.demand.cases'), type: 'bar', data: items.map((i) => i.cases) }],
  };
  const heatmapOption = {
    animation: false,
    tooltip: { position: 'top' },
    grid: { left: 56, right: 24, top: 16, bottom: 96 },
    xAxis: { type: 'category', data: hours, name: t('supervision.demand.hour'), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, ...(d?.acceptances.map((a) => a.cases) ?? [])),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
    },
    series: [
      {
        name: t('supervision.demand.cases'),
        type: 'heatmap',
        data: (d?.acceptances ?? []).map((a) => [a.hour, a.weekday - 1, a.cases]),
        label: { show: true },
      },
    ],
  };
  const reuseOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: (d?.reuseByMonth ?? []).map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('supervision.demand.materials'),
        type: 'bar',
        data: (d?.reuseByMonth ?? []).map((m) => m.materials),
      },
      {
        name: t('supervision.demand.reused'),
        type: 'bar',
        data: (d?.reuseByMonth ?? []).map((m) => m.reused),
        itemStyle: { color: '#389e0d' },
      },
    ],
  };
  const handlingOption = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 80 },
    xAxis: {
      type: 'category',
      data: (d?.handling ?? []).map((h) => h.name),
      axisLabel: { rotate: 30, interval: 0, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: t('supervision.figures.workingDays') },
    series: (['statutoryLimit', 'promisedLimit', 'avgWorkingDays'] as const).map((key, i) => ({
      name: t(`supervision.demand.${['statutory', 'promised', 'measured'][i]}`),
      type: 'bar',
      data: (d?.handling ?? []).map((h) => h[key]),
    })),
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="demand">
      <Space wrap>
        <Typography.Text>{t('supervision.figures.period')}</Typography.Text>
        <DatePicker.RangePicker
          value={period}
          allowClear={false}
          onChange={(range) => range?.[0] && range[1] && setPeriod([range[0], range[1]])}
          data-testid="demand-period"
        />
      </Space>
      {demand.error !== undefined && <ApiErrorAlert error={demand.error} onRetry={demand.refresh} />}
      {!d && demand.error === undefined && <Skeleton active />}
      {d && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Chart testId="chart-items" title={t('supervision.demand.itemsChart')} option={itemsOption} />
            </Col>
            <Col xs={24} xl={12}>
              <Chart
                testId="chart-acceptances"
                title={t('supervision.demand.heatmapChart')}
                option={heatmapOption}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Chart testId="chart-reuse" title={t('supervision.demand.reuseChart')} option={reuseOption} />
            </Col>
            <Col xs={24} xl={12}>
              <Chart
                testId="chart-handling"
                title={t('supervision.demand.handlingChart')}
                option={handlingOption}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-items"
                title={t('supervision.demand.itemsChart')}
                rows={d.items}
                rowKey={(r) => r.implementationCode}
                query={query}
                columns={[
                  { title: t('supervision.demand.item'), dataIndex: 'name' },
                  { title: t('supervision.demand.department'), dataIndex: 'departmentCode' },
                  { title: t('supervision.demand.cases'), dataIndex: 'cases' },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-bundles"
                title={t('supervision.demand.bundlesTitle')}
                rows={d.bundles}
                rowKey={(r) => r.bundleCode}
                query={query}
                columns={[
                  { title: t('supervision.demand.bundle'), dataIndex: 'name' },
                  { title: t('supervision.demand.code'), dataIndex: 'bundleCode' },
                  { title: t('supervision.demand.cases'), dataIndex: 'cases' },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-reuse-months"
                title={t('supervision.demand.reuseChart')}
                rows={d.reuseByMonth}
                rowKey={(r) => r.month}
                query={query}
                columns={[
                  { title: t('supervision.demand.month'), dataIndex: 'month' },
                  { title: t('supervision.demand.reused'), dataIndex: 'reused' },
                  { title: t('supervision.demand.materials'), dataIndex: 'materials' },
                  {
                    title: t('supervision.demand.reusedShare'),
                    render: (_, r) => percent(r.materials === 0 ? null : r.reused / r.materials),
                  },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-reuse-types"
                title={t('supervision.demand.reuseTypesTitle')}
                rows={d.reuseByType}
                rowKey={(r) => r.typeCode}
                query={query}
                columns={[
                  { title: t('supervision.demand.certificateType'), dataIndex: 'typeName' },
                  { title: t('supervision.demand.code'), dataIndex: 'typeCode' },
                  { title: t('supervision.demand.reused'), dataIndex: 'reused' },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-acceptances"
                title={t('supervision.demand.heatmapChart')}
                rows={d.acceptances}
                rowKey={(r) => `${r.weekday}:${r.hour}`}
                query={query}
                columns={[
                  { title: t('supervision.demand.weekday'), render: (_, r) => weekdays[r.weekday - 1] },
                  { title: t('supervision.demand.hour'), dataIndex: 'hour' },
                  { title: t('supervision.demand.cases'), dataIndex: 'cases' },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <DemandTable
                table="demand-handling"
                title={t('supervision.demand.handlingChart')}
                rows={d.handling}
                rowKey={(r) => r.implementationCode}
                query={query}
                columns={[
                  { title: t('supervision.demand.item'), dataIndex: 'name' },
                  { title: t('supervision.demand.decided'), dataIndex: 'decided' },
                  { title: t('supervision.demand.statutory'), dataIndex: 'statutoryLimit', render: dash },
                  { title: t('supervision.demand.promised'), dataIndex: 'promisedLimit', render: dash },
                  { title: t('supervision.demand.measured'), dataIndex: 'avgWorkingDays', render: dash },
                  {
                    title: t('supervision.demand.promisedCompression'),
                    dataIndex: 'promisedCompression',
                    render: percent,
                  },
                  {
                    title: t('supervision.demand.measuredCompression'),
                    dataIndex: 'measuredCompression',
                    render: percent,
                  },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
