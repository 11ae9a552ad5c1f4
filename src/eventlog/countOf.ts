/**
 * A count with its noun, singular for one: "1 case", "1,200 cases".
 * @example countOf(1, 'case') // '1 case'
 */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
