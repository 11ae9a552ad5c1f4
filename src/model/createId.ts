let counter = 0;

/**
 * A short id unique within a session and, with high probability, across tabs.
 * @example createId('n') // 'n-k3x9q2-1'
 */
export function createId(prefix: string): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${random}${counter.toString(36)}`;
}
