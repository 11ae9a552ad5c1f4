import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, type ProcessMap } from '../../model';
import { analyze } from '../analyze';
import { mapOf } from '../testing/mapOf';

const errors = (map: ProcessMap) =>
  analyze(map)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.rule}@${[...f.nodeIds].sort().join(',')}`);
const deadlock = (map: ProcessMap) => analyze(map).findings.find((f) => f.rule === 'deadlock');
const moves = (map: ProcessMap) =>
  (deadlock(map)?.suggestions ?? []).filter((s) => s.title.startsWith('Move '));

/** After the kickoff, the gift and the project run side by side, but the project needs approval. */
const APPROVAL = mapOf(
  's:s:Signed k:a:Kickoff_call p:p:Both g:a:Order_gift d:d:Approved? u:a:Set_up_project j:p:Both_done w:a:Welcome_email e:e:Done x:e:Dropped',
  's>k k>p p>g p>d d>u:Yes d>x:No g>j u>j j>w w>e',
);

describe('deadlock fix: move the decision', () => {
  it('offers to take the decision before the split or after the join; each clears the deadlock', () => {
    expect(deadlock(APPROVAL)?.message).toMatch(/'Approved\?' can send the case another way/);
    expect(moves(APPROVAL).map((s) => s.title)).toEqual([
      "Move 'Approved?' before the split 'Both': the branches run only when it stays",
      "Move 'Approved?' after the join 'Both done': every branch runs, then it decides",
    ]);
    const arrows = (map: ProcessMap) =>
      map.edges.map((e) => `${e.source}>${e.target}${e.label ? `:${e.label}` : ''}`).sort();

    const before = applyEdits(APPROVAL, moves(APPROVAL)[0]!.edits);
    expect(arrows(before)).toEqual(
      ['s>k', 'k>d', 'd>p:Yes', 'd>x:No', 'p>g', 'p>u', 'g>j', 'u>j', 'j>w', 'w>e'].sort(),
    );
    expect(errors(before)).toEqual([]);

    const after = applyEdits(APPROVAL, moves(APPROVAL)[1]!.edits);
    expect(arrows(after)).toEqual(
      ['s>k', 'k>p', 'p>g', 'p>u', 'g>j', 'u>j', 'j>d', 'd>w:Yes', 'd>x:No', 'w>e'].sort(),
    );
    expect(errors(after)).toEqual([]);
  });

  it('moves it only before the split when the join also splits', () => {
    const map = mapOf(
      's:s k:a p:p g:a d:d u:a j:p w:a v:a e:e x:e',
      's>k k>p p>g p>d d>u:Yes d>x:No g>j u>j j>w j>v w>e v>e',
    );
    expect(moves(map).map((s) => s.title)).toEqual([
      "Move 'd' before the split 'p': the branches run only when it stays",
    ]);
    expect(errors(applyEdits(map, moves(map)[0]!.edits))).toEqual([]);
  });

  it('is not offered where moving could not be sure to help', () => {
    // The way out leads back into the block.
    expect(
      moves(mapOf('s:s p:p g:a d:d u:a j:p e:e', 's>p p>g p>d d>u:Yes d>g:No g>j u>j j>e')),
    ).toEqual([]);
    // A choice on two branches.
    expect(
      moves(
        mapOf(
          's:s p:p d1:d g:a d2:d u:a j:p e:e x:e',
          's>p p>d1 d1>g:Yes d1>x:No p>d2 d2>u:Yes d2>x:No g>j u>j j>e',
        ),
      ),
    ).toEqual([]);
    // The decision is before the split: no move. Nor a plain merge: on Yes both branches
    // reach 'j', so as a merge it would send the case on twice ('w' would run twice).
    const upstream = mapOf(
      's:s d:d p:p g:a u:a j:p w:a e:e',
      's>d d>p:Yes d>g:No p>g p>u g>j u>j j>w w>e',
    );
    expect(deadlock(upstream)?.suggestions.map((s) => s.title)).toEqual([]);
  });

  it('offers the plain merge only where the join gets one branch at a time, and then it is sound', () => {
    // A join after a decision: its branches are alternatives, it waits forever.
    const either = mapOf('s:s d:d a:a b:a j:p w:a e:e', 's>d d>a:Yes d>b:No a>j b>j j>w w>e');
    const merge = deadlock(either)?.suggestions ?? [];
    expect(merge.map((s) => s.title)).toEqual([
      "Turn 'j' into a plain merge: each branch goes on to 'w'",
    ]);
    expect(errors(applyEdits(either, merge[0]!.edits))).toEqual([]);
    // Both branches of a split can arrive (here: when it is in stock): merging would make
    // 'Ship' run twice, an error the fix does not name, so only the moves are offered.
    const gift = mapOf(
      's:s f:p g:a c:a d:d:In_stock? r:a x:e j:p sh:a:Ship e:e',
      's>f f>g f>c c>d d>r:Yes d>x:No g>j r>j j>sh sh>e',
    );
    const titles = (deadlock(gift)?.suggestions ?? []).map((s) => s.title);
    expect(titles.some((t) => t.includes('plain merge'))).toBe(false);
    expect(titles.length).toBeGreaterThan(0);
  });

  it('names an unnamed split or join as "the split" / "the join"', () => {
    const unnamed = mapOf(
      's:s k:a p:p: g:a d:d:Approved? u:a j:p: w:a e:e x:e',
      's>k k>p p>g p>d d>u:Yes d>x:No g>j u>j j>w w>e',
    );
    expect(moves(unnamed).map((s) => s.title)).toEqual([
      "Move 'Approved?' before the split: the branches run only when it stays",
      "Move 'Approved?' after the join: every branch runs, then it decides",
    ]);
  });

  it('on random parallel blocks with a decision on a branch: every move offered clears the deadlock and adds no error', {
    timeout: 60_000,
  }, () => {
    let offered = 0;
    const block = fc.record({
      branches: fc.array(fc.nat(2), { minLength: 2, maxLength: 3 }),
      on: fc.nat(2),
      at: fc.nat(2),
      // Where the decision's other arrows go: the end, an outside step, after the join, or back in.
      outs: fc.array(fc.constantFrom('x', 'r', 'w', 'g0', 'j', 'd'), {
        minLength: 1,
        maxLength: 2,
      }),
      joinSplits: fc.boolean(),
      // (No loop back around the block: a deadlocking loop makes unboundedly many cases, which
      // the analysis explores up to its bound, slowly.)
    });
    fc.assert(
      fc.property(block, ({ branches, on, at, outs, joinSplits }) => {
        const nodes = ['s:s', 'k:a', 'p:p', 'j:p', 'w:a', 'e:e', 'x:e', 'r:a', 'd:d'];
        const edges = ['s>k', 'k>p', 'j>w', 'w>e', 'r>x'];
        if (joinSplits) edges.push('j>x');
        const withDecision = on % branches.length;
        branches.forEach((length, b) => {
          let prev = 'p';
          const steps = Array.from({ length }, (_, i) => `${String.fromCharCode(103 + b)}${i}`);
          for (const [i, id] of steps.entries()) {
            if (b === withDecision && i === Math.min(at, length)) {
              edges.push(`${prev}>d`);
              prev = 'd';
            }
            nodes.push(`${id}:a`);
            edges.push(`${prev}>${id}`);
            prev = id;
          }
          if (b === withDecision && at >= length) {
            edges.push(`${prev}>d`);
            prev = 'd';
          }
          edges.push(`${prev}>j`);
        });
        for (const out of outs) {
          edges.push(`d>${out === 'g0' && branches[0] === 0 ? 'j' : out}`);
        }
        const map = mapOf(nodes.join(' '), edges.join(' '));
        const had = new Set(errors(map));
        const finding = deadlock(map);
        for (const move of moves(map)) {
          offered++;
          const after = errors(applyEdits(map, move.edits));
          expect(after.filter((f) => f.startsWith('deadlock@j'))).toEqual([]);
          for (const f of after) expect(had.has(f), `${move.title} adds ${f}`).toBe(true);
        }
        if (finding === undefined) expect(moves(map)).toEqual([]);
      }),
      { numRuns: 200 },
    );
    // The generator must give the fix something to do.
    expect(offered).toBeGreaterThan(50);
  });
});
