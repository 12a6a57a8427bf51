import { Card } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * An ECharts chart of figures per department in a small card: the departments along the x axis (names slanted so
 * that every one shows), the legend on top, a tooltip per department; `yAxis` and `series` as ECharts takes them.
 * No growing bars: the numbers are read, not watched (and a screenshot shows them at once).
 */
export function DepartmentChartCard({
  title,
  testId,
  departmentNames,
  yAxis,
  series,
  gridRight = 24,
  height = 320,
}: {
  title: string;
  /** The `data-testid` of the chart's box. */
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
  return (
    <Card size="small" title={title}>
      <div data-testid={testId}>
        <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />
      </div>
    </Card>
  );
}
