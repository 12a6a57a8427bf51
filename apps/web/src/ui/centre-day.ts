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

/** The centre's wall clock now, as a dayjs whose fields read as the centre's time: the start value of a picker with time. */
export function centreNow(): Dayjs {
  return dayjs(centreTime(Date.now(), 'YYYY-MM-DDTHH:mm:ss'));
}

/** The instant (ISO 8601, +08:00) of a wall-clock time picked as the centre's, whatever the browser's time zone. */
export function centreInstant(wall: Dayjs): string {
  return `${wall.format('YYYY-MM-DDTHH:mm:ss')}+08:00`;
}
