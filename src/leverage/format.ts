/**
 * Money in the map's currency, whole units above 100 and cents below, for messages.
 * Falls back to "XYZ 12.50" for a currency code Intl does not know.
 * @example formatMoney(4750, 'USD') // '$4,750'
 */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) >= 100 || Number.isInteger(amount) ? 0 : 2;
  const format = moneyFormat(currency, digits);
  return format ? format.format(amount) : `${currency} ${amount.toFixed(digits)}`;
}

// Building an Intl.NumberFormat costs far more than using one: keep one per currency.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string, digits: number): Intl.NumberFormat | null {
  const key = `${currency}:${digits}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format;
}

const hoursFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * Hours with at most one decimal.
 * @example formatHours(10) // '10 h'; formatHours(1.666) // '1.7 h'
 */
export function formatHours(hours: number): string {
  return `${hoursFormat.format(Number(hours.toFixed(1)))} h`;
}

/**
 * A share as a whole percent.
 * @example formatPercent(0.854) // '85%'
 */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
