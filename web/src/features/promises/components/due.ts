/**
 * The due moment (ISO, UTC) of a date and time typed in the browser's time
 * zone: that minute, or without a time the end of that day (due before the
 * next midnight, as "by Friday" is). Undefined without a valid date.
 */
export function dueFromInputs(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]) - 1, Number(d[3])];
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  const at = t ? new Date(year, month, day, Number(t[1]), Number(t[2])) : new Date(year, month, day + 1);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * The date and time inputs (browser's time zone) that give `iso` back
 * through dueFromInputs: a due moment at midnight is that day's end, so the
 * day before without a time ("by Friday" is due before Saturday 00:00).
 */
export function inputsFromDue(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { date: '', time: '' };
  const two = (n: number) => String(n).padStart(2, '0');
  const day = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  if (at.getHours() === 0 && at.getMinutes() === 0) {
    const before = new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1);
    return { date: day(before), time: '' };
  }
  return { date: day(at), time: `${two(at.getHours())}:${two(at.getMinutes())}` };
}

/** Whether a live promise's due moment has passed. */
export function isOverdue(dueEnd: string | null, now: number = Date.now()): boolean {
  return dueEnd != null && Date.parse(dueEnd) <= now;
}
