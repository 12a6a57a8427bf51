import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { toShanghaiDate } from '@onewindow/calendar';

dayjs.extend(utc);

/** China has kept UTC+8 all year since 1991. */
const CENTRE_OFFSET_MINUTES = 8 * 60;

/**
 * Today on the service centre's calendar (Asia/Shanghai, the days the API counts in), whatever time zone the
 * browser is in: from 16:00 UTC the browser's own day is still yesterday for a browser on UTC. A day, not an
 * instant: midnight of the centre's date in dayjs, for date pickers, periods and `YYYY-MM-DD`.
 */
export function centreToday(): Dayjs {
  return dayjs(toShanghaiDate(Date.now()));
}

/** An instant (ISO string, epoch milliseconds or Date) as the centre's wall-clock time, `YYYY-MM-DD HH:mm` unless told. */
export function centreTime(instant: string | number | Date, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(instant).utcOffset(CENTRE_OFFSET_MINUTES).format(pattern);
}
