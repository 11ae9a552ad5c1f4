import { describe, expect, it } from 'vitest';
import { guessDateFormat, parseTimestamp } from './parseTimestamp';

describe('parseTimestamp', () => {
  it('reads ISO 8601 with and without time, seconds, fractions and zones', () => {
    expect(parseTimestamp('2024-03-05', 'iso')).toBe(Date.UTC(2024, 2, 5));
    expect(parseTimestamp('2024-03-05 14:30', 'iso')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseTimestamp('2024-03-05T14:30:15.250Z', 'iso')).toBe(
      Date.UTC(2024, 2, 5, 14, 30, 15, 250),
    );
    expect(parseTimestamp('2024-03-05T14:30:00+01:00', 'iso')).toBe(Date.UTC(2024, 2, 5, 13, 30));
    expect(parseTimestamp('2024-03-05T14:30:00-0230', 'iso')).toBe(Date.UTC(2024, 2, 5, 17, 0));
  });

  it('reads day-first and month-first dates with times and AM/PM', () => {
    expect(parseTimestamp('05/03/2024 14:30', 'dmy')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseTimestamp('05.03.2024', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseTimestamp('03/05/2024', 'mdy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseTimestamp('03/05/2024 2:30 PM', 'mdy')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseTimestamp('03/05/2024 12:10 AM', 'mdy')).toBe(Date.UTC(2024, 2, 5, 0, 10));
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(parseTimestamp('1709649000', 'unix-s')).toBe(1_709_649_000_000);
    expect(parseTimestamp('1709649000.5', 'unix-s')).toBe(1_709_649_000_500);
    expect(parseTimestamp('1709649000123', 'unix-ms')).toBe(1_709_649_000_123);
  });

  it('refuses what is not a date in the format: impossible days, months, hours', () => {
    for (const [text, format] of [
      ['2024-02-30', 'iso'],
      ['2024-13-01', 'iso'],
      ['31/04/2024', 'dmy'],
      ['13/05/2024', 'mdy'],
      ['05/03/2024 25:00', 'dmy'],
      ['yesterday', 'iso'],
      ['', 'iso'],
      ['12345', 'unix-s'],
    ] as const) {
      expect(parseTimestamp(text, format), `${text} as ${format}`).toBeNaN();
    }
  });
});

describe('guessDateFormat', () => {
  it('finds ISO and Unix columns', () => {
    expect(guessDateFormat(['2024-01-02T10:00:00Z', '2024-01-03 11:00'])).toEqual({
      format: 'iso',
      share: 1,
      ambiguous: false,
    });
    expect(guessDateFormat(['1709649000', '1709652600']).format).toBe('unix-s');
    expect(guessDateFormat(['1709649000000', '1709652600000']).format).toBe('unix-ms');
  });

  it('knows day first when a first number is above 12, month first when a second is', () => {
    expect(guessDateFormat(['02/01/2024 09:00', '13/01/2024 10:00'])).toMatchObject({
      format: 'dmy',
      ambiguous: false,
    });
    expect(guessDateFormat(['01/02/2024', '01/13/2024'])).toMatchObject({
      format: 'mdy',
      ambiguous: false,
    });
  });

  it('reports an ambiguous day/month file instead of guessing', () => {
    const file = ['01/02/2024 09:00', '03/04/2024 10:30', '12/11/2024 17:45'];
    expect(guessDateFormat(file)).toMatchObject({ ambiguous: true });
    // Either reading gives different dates: that is why the person is asked.
    expect(parseTimestamp(file[0]!, 'dmy')).not.toBe(parseTimestamp(file[0]!, 'mdy'));
  });

  it('gives no format for a column that is mostly not dates', () => {
    expect(guessDateFormat(['Pack', 'Ship', '2024-01-01']).format).toBeNull();
    expect(guessDateFormat([]).format).toBeNull();
  });
});
