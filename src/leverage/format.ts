/**
 * Money in the map's currency, whole units above 100 and cents below, for messages.
 * Falls back to "XYZ 12.50" for a currency code Intl does not know.
 * @example formatMoney(4750, 'USD') // '$4,750'
 */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 || Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(digits)}`;
  }
}

/**
 * Hours with at most one decimal.
 * @example formatHours(10) // '10 h'; formatHours(1.666) // '1.7 h'
 */
export function formatHours(hours: number): string {
  return `${Number(hours.toFixed(1)).toLocaleString('en-US')} h`;
}

/**
 * A share as a whole percent.
 * @example formatPercent(0.854) // '85%'
 */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
