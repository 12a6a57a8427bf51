const TIME_ZONE = 'Asia/Shanghai';

/** `2026-12-07` → `2026年12月7日` (the calendar day as printed on a notice). */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2027-01-01`…`2027-01-03` → `2027年1月1日至1月3日` (one day: just that day). */
export function chineseSpan(start: string, end: string): string {
  if (start === end) return chineseDay(start);
  const [y] = start.split('-');
  const tail = end.startsWith(`${y}-`) ? chineseDay(end).slice(`${y}年`.length) : chineseDay(end);
  return `${chineseDay(start)}至${tail}`;
}

/** An ISO instant as the centre's wall-clock time: `2026年12月7日10时03分`. */
export function chineseMoment(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}年${parts.month}月${parts.day}日${parts.hour}时${parts.minute}分`;
}
