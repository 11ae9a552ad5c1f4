/**
 * A duration in minutes as a person reads it: "45 s", "12 min", "3.5 h", "2.1 d".
 * @example formatMinutes(90) // '1.5 h'
 */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return '–';
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes < 60)
    return `${minutes < 10 ? minutes.toFixed(1).replace(/\.0$/, '') : Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48)
    return `${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1).replace(/\.0$/, '') : Math.round(days)} d`;
}
