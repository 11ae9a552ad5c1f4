import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { mapOf } from '../testing/mapOf';

const messages = (nodes: string, edges: string) =>
  analyze(mapOf(nodes, edges))
    .findings.filter((f) => f.rule === 'must-pass')
    .map((f) => f.message);

describe('must-pass wording', () => {
  it('says "every case" when every case finishes', () => {
    expect(messages('s:s a:a d:d:Paid? e:e', 's>a a>d d>e:Yes d>a:No')).toEqual([
      "Every case passes through 'a', where 2 paths merge: when it stalls, every case waits.",
    ]);
  });

  it('says "every case that finishes" when some cases can end up where they never finish', () => {
    expect(
      messages('s:s a:a d:d:Paid? x:d:Retry? z:a e:e', 's>a a>d d>e:Yes d>x:No x>a:Yes x>z:No'),
    ).toEqual([
      "Every case that finishes passes through 'a', where 2 paths merge: when it stalls, every case waits.",
    ]);
  });
});
