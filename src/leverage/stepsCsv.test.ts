import { describe, expect, it } from 'vitest';
import { csvCell, stepsCsv } from './stepsCsv';
import { lineMap } from './testing/leverageMap';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(1 / 3)).toBe('0.3333');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });
});

describe('stepsCsv', () => {
  it('writes a header and one row per step with its figures', () => {
    const map = lineMap([
      { id: 'a', label: 'Answer emails, fast', durationMinutes: 30 },
      { id: 'b', label: '=cmd', ownerId: 'va', durationMinutes: 6, sla: { turnaroundHours: 4 } },
    ]);
    const lines = stepsCsv(map).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe(
      'id,label,kind,done by,role,cadence,work type,duration (minutes),visits per case,hours per week,one-time hours,hourly cost,cost per case,one-time cost,hand-off rate,rate used,hand-off worth per week,SLA turnaround (hours)',
    );
    expect(lines[1]).toBe(
      'a,"Answer emails, fast",action,Me,owner,routine,,30,1,10,0,500,250,0,25,rate of the person it would go to,4750,',
    );
    expect(lines[2]).toBe(
      "b,'=cmd,action,Virtual assistant,outsourcer,routine,,6,1,2,0,25,2.5,0,25,doer's hourly cost,,4",
    );
  });
});
