import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model';
import { analyze } from '../analyze';
import { mapOf } from '../testing/mapOf';

describe('"They all happen" is offered only where it is sound', () => {
  it('not when a branch can end before the steps meet again (the join would wait forever)', () => {
    // Found by the random property (seed 45917993): s leads to both m and a; a goes on to
    // m or to the end e, so a join before m could wait for a branch that ended at e.
    const map = mapOf('s:s m:a a:a e:e', 's>m s>a a>m a>e');
    const split = analyze(map).findings.find(
      (f) => f.rule === 'implicit-split' && f.nodeIds[0] === 's',
    )!;
    const fixes = split.suggestions.map((x) => x.title);
    expect(fixes.some((t) => t.startsWith('They all happen'))).toBe(false);
    for (const fix of split.suggestions) {
      const after = analyze(applyEdits(map, fix.edits));
      expect(after.findings.filter((f) => f.rule === 'deadlock')).toEqual([]);
    }
  });

  it('joins before an end the branches meet at when that end passes them on (an arrow out)', () => {
    // Found by the random property (seed 1313077955): 'Done' is an end with an arrow out,
    // so both branches run on through it; a split without a join made what follows run twice.
    const map = mapOf(
      's:s:Signed k:a:Kickoff_call g:a:Order_gift u:a:Set_up_project d:e:Done f:e:Filed',
      's>k k>g k>u g>d u>d d>f',
    );
    const split = analyze(map).findings.find((f) => f.rule === 'implicit-split')!;
    const fix = split.suggestions[0]!;
    expect(fix.title).toBe(
      "They all happen: split in parallel after 'Kickoff call' and join before 'Done'",
    );
    const after = analyze(applyEdits(map, fix.edits)).findings.map((f) => f.rule);
    expect(after).not.toContain('lack-of-sync');
    expect(after).not.toContain('deadlock');
  });
});
