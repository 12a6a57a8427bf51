// What the supervision tabs of figures over a period share: the period (from the first of this month to today at
// first) and its picker, the table of one row per department, and the ECharts chart in a small card.
import { useState } from 'react';
import { Card, DatePicker, Table, type TableColumnsType } from 'antd';
import { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { centreToday } from '../../../ui/centre-day';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The period a tab shows and its query for the API (the department, `from` and `to` as YYYY-MM-DD). */
export function usePeriodQuery(department: string | undefined) {
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [centreToday().startOf('month'), centreToday()]);
  const query = {
    department,
    from: period[0].format('YYYY-MM-DD'),
    to: period[1].format('YYYY-MM-DD'),
  };
  return { period, setPeriod, query };
}

/** The range picker of the period (never empty), for the toolbar of a tab after its 统计期间 label. */
export function PeriodPicker({
  period,
  onChange,
  testId,
}: {
  period: [Dayjs, Dayjs];
  onChange: (period: [Dayjs, Dayjs]) => void;
  testId: string;
}) {
  return (
    <DatePicker.RangePicker
      value={period}
      allowClear={false}
      onChange={(range) => range?.[0] && range[1] && onChange([range[0], range[1]])}
      data-testid={testId}
    />
  );
}

/** One row per department, each row marked `rowTestId` and `data-department` for the tests; not paged. */
export function DepartmentRowsTable<T extends { departmentCode: string }>({
  rows,
  rowTestId,
  columns,
}: {
  rows: T[];
  rowTestId: string;
  columns: TableColumnsType<T>;
}) {
  return (
    <Table<T>
      size="small"
      rowKey="departmentCode"
      dataSource={rows}
      pagination={false}
      onRow={(r) =>
        ({
          'data-testid': rowTestId,
          'data-department': r.departmentCode,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={columns}
    />
  );
}

/** An ECharts chart (`option` as ECharts takes it) in a small card; `testId` marks the chart's box. */
function ChartCard({
  title,
  testId,
  option,
  height = 320,
}: {
  title: string;
  testId: string;
  option: object;
  height?: number;
}) {
  return (
    <Card size="small" title={title}>
      <div data-testid={testId}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
      </div>
    </Card>
  );
}

/**
 * A chart of figures per department: the departments along the x axis (names slanted so that every one shows),
 * the legend on top, a tooltip per department; `yAxis` and `series` as ECharts takes them. No growing bars: the
 * numbers are read, not watched (and a screenshot shows them at once).
 */
export function DepartmentChartCard({
  departmentNames,
  yAxis,
  series,
  gridRight = 24,
  ...card
}: {
  title: string;
  testId: string;
  departmentNames: string[];
  yAxis: object | object[];
  series: object[];
  /** Room on the right for a second y axis's labels. */
  gridRight?: number;
  height?: number;
}) {
  const option = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: gridRight, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: departmentNames, axisLabel: { rotate: 30, interval: 0 } },
    yAxis,
    series,
  };
  return <ChartCard {...card} option={option} />;
}
