import { describe, expect, it } from 'vitest';
import { applyEdits } from '../model';
import { analyze } from './analyze';
import { mapOf } from './testing/mapOf';

/** Start -> Draft -> (Review removed) -> Send -> Done. */
const gapped = () => mapOf('s:s d:a:Draft x:a:Send e:e:Done', 's>d x>e');

describe('a step taken out of a chain (issue 15, item 10)', () => {
  it('offers to connect across the gap or to insert a step in it, on both findings', () => {
    const { findings } = analyze(gapped());
    const unreachable = findings.find((f) => f.rule === 'unreachable')!;
    expect(unreachable.suggestions.map((s) => s.title)).toEqual([
      "Connect 'Draft' to 'Send'",
      "Insert a step between 'Draft' and 'Send'",
      "Add a start before 'Send'",
    ]);
    const dead = findings.find((f) => f.rule === 'dead-end')!;
    expect(dead.suggestions[0]!.title).toBe("Connect 'Draft' to 'Send'");
  });

  it('inserting a step repairs both findings and adds one step between the two', () => {
    const map = gapped();
    const fix = analyze(map)
      .findings.find((f) => f.rule === 'unreachable')!
      .suggestions.find((s) => s.title.startsWith('Insert'))!;
    const after = applyEdits(map, fix.edits);
    const added = after.nodes.find((n) => !map.nodes.some((m) => m.id === n.id))!;
    expect(added).toMatchObject({ kind: 'action', label: 'New step' });
    expect(after.edges.filter((e) => e.target === added.id).map((e) => e.source)).toEqual(['d']);
    expect(after.edges.filter((e) => e.source === added.id).map((e) => e.target)).toEqual(['x']);
    expect(analyze(after).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the fix for steps nothing leads to leaves an unrelated dead end to its own finding', () => {
    // 'Chase' is a dead end off 'Draft'; 'Archive' <-> 'File' is a loop nothing leads to.
    const map = mapOf(
      's:s d:d:Draft c:a:Chase a:a:Archive f:a:File e:e:Done',
      's>d d>e:Yes d>c:No a>f f>a f>e',
    );
    const fix = analyze(map).findings.find((f) => f.rule === 'unreachable')!.suggestions;
    expect(fix.map((s) => s.title)).toEqual(["Add a start before 'Archive'"]);
    const after = analyze(applyEdits(map, fix[0]!.edits));
    expect(after.findings.find((f) => f.rule === 'dead-end')?.nodeIds).toEqual(['c']);
  });

  it('says one sentence when the part it reaches must also be led to an end', () => {
    const map = mapOf('s:s d:a:Draft e:e:Done l:a:Lost', 's>d d>e');
    const titles = analyze(map)
      .findings.find((f) => f.rule === 'unreachable')!
      .suggestions.map((s) => s.title);
    expect(titles).toEqual(["Add a start before 'Lost', and connect 'Lost' to 'Done'"]);
  });

  it('on a map with parallel steps, does not connect across a gap where two branches would meet without a join', () => {
    // Found by the random property (seed -661953000). 'Set up project' runs beside 'Order
    // gift' and leads nowhere; 'Send invoice' leads to 'Welcome email'. An arrow across
    // would bring both branches to 'Welcome email', which does not wait for them.
    const map = mapOf(
      's:s:Signed p:p g:a:Order_gift u:a:Set_up_project x:a:Send_invoice w:a:Welcome_email e:e:Done',
      's>p p>g p>u g>w x>w w>e',
    );
    const findings = analyze(map).findings;
    const titles = findings.flatMap((f) => f.suggestions.map((s) => s.title));
    expect(titles).not.toContain("Connect 'Set up project' to 'Send invoice'");
    expect(titles).not.toContain("Insert a step between 'Set up project' and 'Send invoice'");
    for (const finding of findings.filter(
      (f) => f.rule === 'unreachable' || f.rule === 'dead-end',
    )) {
      for (const fix of finding.suggestions) {
        const after = analyze(applyEdits(map, fix.edits)).findings;
        expect(
          after.map((f) => f.rule),
          fix.title,
        ).not.toContain('lack-of-sync');
      }
    }
    // Without the parallel split the same gap is closed by an arrow across.
    const plain = mapOf(
      's:s:Signed g:a:Order_gift u:a:Set_up_project x:a:Send_invoice w:a:Welcome_email e:e:Done',
      's>g g>u x>w w>e',
    );
    expect(
      analyze(plain).findings.find((f) => f.rule === 'unreachable')!.suggestions[0]!.title,
    ).toBe("Connect 'Set up project' to 'Send invoice'");
  });
});
