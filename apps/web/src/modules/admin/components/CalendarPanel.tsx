import { useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { calendarResponseSchema } from '@onewindow/contracts';
import type { CalendarYear } from '@onewindow/calendar';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../../api-client/api-client';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useApiQuery } from '../../api-client/hooks/use-api-query';
import { CalendarLoad } from './CalendarLoad';
import { centreToday } from '../../../ui/centre-day';

type DayKind = 'working' | 'weekend' | 'holiday' | 'adjusted';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** Every date of the year's holidays → the holiday's name, and the 调休 working days. */
function daysOf(year: CalendarYear) {
  const holidays = new Map<string, { name: string; nameEn?: string }>();
  for (const h of year.holidays) {
    for (
      let d = new Date(`${h.start}T00:00:00Z`);
      d <= new Date(`${h.end}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      holidays.set(d.toISOString().slice(0, 10), h);
  }
  return { holidays, adjusted: new Set(year.adjustedWorkingDays) };
}

const colours: Record<DayKind, { background: string; color: string }> = {
  working: { background: 'transparent', color: 'inherit' },
  weekend: { background: '#f0f0f0', color: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  adjusted: { background: '#e6f4ff', color: '#0958d9' },
};

function MonthGrid({ year, month, days }: { year: number; month: number; days: ReturnType<typeof daysOf> }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const first = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  // Weeks start on Monday: blanks before the 1st.
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length }, (_, i) => i + 1),
  ];
  const weekdays = t('admin.calendar.weekdays').split(',');
  return (
    <Card
      size="small"
      title={t('admin.calendar.month', { month: month + 1 })}
      data-testid={`month-${month + 1}`}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center' }}>
        {weekdays.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ fontSize: 12 }}>
            {w}
          </Typography.Text>
        ))}
        {cells.map((day, index) => {
          if (day === null) return <span key={`blank-${index}`} />;
          const iso = isoOf(year, month, day);
          const weekday = (lead + day - 1) % 7;
          const holiday = days.holidays.get(iso);
          const kind: DayKind = holiday
            ? 'holiday'
            : days.adjusted.has(iso)
              ? 'adjusted'
              : weekday >= 5
                ? 'weekend'
                : 'working';
          const mark =
            kind === 'holiday' ? t('admin.calendar.off') : kind === 'adjusted' ? t('admin.calendar.on') : '';
          const title =
            kind === 'holiday'
              ? `${iso} ${english ? (holiday?.nameEn ?? holiday?.name) : holiday?.name}`
              : kind === 'adjusted'
                ? `${iso} ${t('admin.calendar.adjusted')}`
                : iso;
          return (
            <Tooltip key={iso} title={title}>
              <div
                data-date={iso}
                data-kind={kind}
                style={{
                  ...colours[kind],
                  borderRadius: 4,
                  fontSize: 12,
                  lineHeight: '16px',
                  padding: '2px 0',
                }}
              >
                {day}
                <div style={{ fontSize: 10, height: 12, lineHeight: '12px' }}>{mark}</div>
              </div>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}

/**
 * 工作日历: each year's working-day calendar in force as twelve month grids — holidays (休) and 调休 working days
 * (班) marked, weekends grey — with the notice it comes from, or a flag when the year is provisional; above them,
 * loading a year's notice (CalendarLoad: preview, then a refresh run of the open cases).
 */
export function CalendarPanel() {
  const { t } = useTranslation();
  const calendar = useApiQuery('admin-calendar', (signal) =>
    apiClient.get('/api/calendar', { responseSchema: calendarResponseSchema, signal }),
  );
  const years = useMemo(
    () => [...(calendar.data?.years ?? [])].sort((a, b) => a.year - b.year),
    [calendar.data],
  );
  const [picked, setPicked] = useState<number>();
  // The centre's year first (only which year the page opens on).
  const thisYear = centreToday().year();
  const current =
    years.find((y) => y.year === picked) ??
    years.find((y) => y.year === thisYear) ??
    years.find((y) => !y.provisional) ??
    years[0];
  const days = useMemo(() => (current ? daysOf(current) : undefined), [current]);
  if (calendar.error !== undefined)
    return <ApiErrorAlert error={calendar.error} onRetry={calendar.refresh} />;
  if (!current || !days) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CalendarLoad base={current} onLoaded={calendar.refresh} />
      <Space wrap>
        <Typography.Text>{t('admin.calendar.year')}</Typography.Text>
        <Select
          data-testid="calendar-year"
          value={current.year}
          onChange={setPicked}
          style={{ width: 200 }}
          options={years.map((y) => ({
            value: y.year,
            label: y.provisional ? `${y.year}（${t('admin.calendar.provisional')}）` : String(y.year),
          }))}
        />
        <Tag style={colours.holiday}>{t('admin.calendar.legendHoliday')}</Tag>
        <Tag style={colours.adjusted}>{t('admin.calendar.legendAdjusted')}</Tag>
        <Tag style={colours.weekend}>{t('admin.calendar.legendWeekend')}</Tag>
      </Space>
      {current.provisional ? (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-source"
          title={t('admin.calendar.provisionalHint', { year: current.year })}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          data-testid="calendar-source"
          title={t('admin.calendar.source', { source: current.source })}
        />
      )}
      <Row gutter={[12, 12]}>
        {Array.from({ length: 12 }, (_, month) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={current.year} month={month} days={days} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
