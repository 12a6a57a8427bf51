import type { CalendarData } from './calendar-data.schema';

/** Official national schedules, transcribed from docs/domain.md §3.3 (State Council notices, Xinhua reprints). */
export const OFFICIAL_CALENDAR_DATA: CalendarData = {
  years: [
    {
      year: 2025,
      source: '国务院办公厅关于2025年部分节假日安排的通知 国办发明电〔2024〕12号 (2024-11-12)',
      provisional: false,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", start: '2025-01-01', end: '2025-01-01' },
        { name: '春节', nameEn: 'Spring Festival', start: '2025-01-28', end: '2025-02-04' },
        { name: '清明节', nameEn: 'Qingming Festival', start: '2025-04-04', end: '2025-04-06' },
        { name: '劳动节', nameEn: 'Labour Day', start: '2025-05-01', end: '2025-05-05' },
        { name: '端午节', nameEn: 'Dragon Boat Festival', start: '2025-05-31', end: '2025-06-02' },
        {
          name: '国庆节、中秋节',
          nameEn: 'National Day and Mid-Autumn Festival',
          start: '2025-10-01',
          end: '2025-10-08',
        },
      ],
      adjustedWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    {
      year: 2026,
      source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
      provisional: false,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", start: '2026-01-01', end: '2026-01-03' },
        { name: '春节', nameEn: 'Spring Festival', start: '2026-02-15', end: '2026-02-23' },
        { name: '清明节', nameEn: 'Qingming Festival', start: '2026-04-04', end: '2026-04-06' },
        { name: '劳动节', nameEn: 'Labour Day', start: '2026-05-01', end: '2026-05-05' },
        { name: '端午节', nameEn: 'Dragon Boat Festival', start: '2026-06-19', end: '2026-06-21' },
        { name: '中秋节', nameEn: 'Mid-Autumn Festival', start: '2026-09-25', end: '2026-09-27' },
        { name: '国庆节', nameEn: 'National Day', start: '2026-10-01', end: '2026-10-07' },
      ],
      adjustedWorkingDays: [
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ],
    },
  ],
  regionalRules: [],
};
