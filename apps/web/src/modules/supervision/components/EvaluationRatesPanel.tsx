import { Button, Skeleton, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { EvaluationFigures } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { evaluationExportHref, fetchEvaluationFigures } from '../api/supervision.api';
import { DepartmentChartCard, DepartmentRowsTable, PeriodPicker, usePeriodQuery } from './PeriodFigures';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

type DepartmentRates = EvaluationFigures['departments'][number];
type ItemRates = EvaluationFigures['items'][number];

/**
 * 好差评统计 over a chosen period: per department the ratings, 差评, 好评率 and the 差评 handling rate (orders closed
 * over orders, with the overdue ones escalated to the supervisor), per item the rates; the rates and the records
 * (in the fields provincial evaluation systems take) export to XLSX.
 */
export function EvaluationRatesPanel({ department }: { department?: string }) {
  const { t } = useTranslation();
  const { period, setPeriod, query } = usePeriodQuery(department);
  const figures = useApiQuery(`supervision-evaluations:${JSON.stringify(query)}`, (signal) =>
    fetchEvaluationFigures(query, signal),
  );
  const rows = figures.data?.departments ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="evaluation-rates">
      <Space wrap>
        <Typography.Text>{t('supervision.figures.period')}</Typography.Text>
        <PeriodPicker period={period} onChange={setPeriod} testId="evaluation-period" />
        <Button
          icon={<DownloadOutlined />}
          href={evaluationExportHref('rates', query)}
          data-testid="export-evaluation-rates"
        >
          {t('supervision.export')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={evaluationExportHref('records', query)}
          data-testid="export-evaluation-records"
        >
          {t('evaluation.rates.exportRecords')}
        </Button>
      </Space>
      {figures.error !== undefined && <ApiErrorAlert error={figures.error} onRetry={figures.refresh} />}
      {!figures.data && figures.error === undefined && <Skeleton active />}
      {figures.data && (
        <>
          <DepartmentChartCard
            title={t('evaluation.rates.chart')}
            testId="chart-evaluation-rates"
            departmentNames={rows.map((d) => d.departmentName)}
            yAxis={{ type: 'value', min: 0, max: 100, name: '%' }}
            series={[
              {
                name: t('evaluation.rates.goodRate'),
                type: 'bar',
                data: rows.map((d) => asPercent(d.goodRate)),
              },
              {
                name: t('evaluation.rates.handlingRate'),
                type: 'bar',
                data: rows.map((d) => asPercent(d.handlingRate)),
              },
            ]}
            height={300}
          />
          <DepartmentRowsTable<DepartmentRates>
            rows={rows}
            rowTestId="evaluation-rates-row"
            columns={[
              { title: t('evaluation.rates.department'), dataIndex: 'departmentName' },
              { title: t('evaluation.rates.ratings'), dataIndex: 'ratings' },
              { title: t('evaluation.rates.bad'), dataIndex: 'bad' },
              { title: t('evaluation.rates.goodRate'), dataIndex: 'goodRate', render: percent },
              { title: t('evaluation.rates.orders'), dataIndex: 'orders' },
              { title: t('evaluation.rates.closedOrders'), dataIndex: 'closedOrders' },
              { title: t('evaluation.rates.overdueOrders'), dataIndex: 'overdueOrders' },
              { title: t('evaluation.rates.handlingRate'), dataIndex: 'handlingRate', render: percent },
            ]}
          />
          <Table<ItemRates>
            size="small"
            rowKey={(r) => `${r.implementationCode}:${r.departmentCode}`}
            dataSource={figures.data.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('evaluation.rates.item'), dataIndex: 'name' },
              { title: t('evaluation.rates.department'), dataIndex: 'departmentName' },
              { title: t('evaluation.rates.ratings'), dataIndex: 'ratings' },
              { title: t('evaluation.rates.bad'), dataIndex: 'bad' },
              { title: t('evaluation.rates.goodRate'), dataIndex: 'goodRate', render: percent },
            ]}
          />
        </>
      )}
    </Space>
  );
}
