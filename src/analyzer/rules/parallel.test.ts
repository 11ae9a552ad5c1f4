import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../model';
import { analyze } from '../analyze';
import { nodeFigure } from '../nodeFigure';
import { kickoffMap } from '../testing/kickoffMap';
import { mapOf } from '../testing/mapOf';

const rules = (map: ReturnType<typeof mapOf>) => analyze(map).findings.map((f) => f.rule);
const find = (map: ReturnType<typeof mapOf>, rule: string) =>
  analyze(map).findings.find((f) => f.rule === rule);

/** Kickoff call leads to both "Order gift" and "Set up project", then a welcome email. */
const KICKOFF =
  's:s:Signed k:a:Kickoff_call g:a:Order_gift u:a:Set_up_project w:a:Welcome_email e:e:Done';

describe('parallel steps in the analysis', () => {
  it('reads a sound parallel block as clean: no hidden decision, deadlock or double run', () => {
    const map = mapOf(
      's:s:Signed k:a:Kickoff_call p:p g:a:Order_gift u:a:Set_up_project j:p w:a:Welcome_email e:e:Done',
      's>k k>p p>g p>u g>j u>j j>w w>e',
    );
    expect(rules(map)).toEqual([]);
  });

  it('offers "They all happen" and "Only one happens" for two arrows out of a step', () => {
    const map = mapOf(KICKOFF, 's>k k>g k>u g>w u>w w>e');
    const finding = find(map, 'implicit-split');
    expect(finding?.message).toMatch(/whether they all happen or only one/);
    expect(finding?.suggestions.map((s) => s.title)).toEqual([
      "They all happen: split in parallel after 'Kickoff call' and join before 'Welcome email'",
      "Only one happens: make 'Kickoff call' a decision",
    ]);
    const fixed = applyEdits(map, finding!.suggestions[0]!.edits);
    expect(rules(fixed)).toEqual([]);
    expect(fixed.nodes.filter((n) => n.kind === 'parallel')).toHaveLength(2);
    // Both branches now run in every case.
    const { metrics } = analyze(fixed);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(nodeFigure(metrics, metrics.expectedVisits, 'g')).toBe(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'u')).toBe(1);
    expect(nodeFigure(metrics, metrics.expectedVisits, 'w')).toBe(1);
  });

  it('joins a branch that goes straight to the meeting step too', () => {
    const map = mapOf(KICKOFF.replace(' u:a:Set_up_project', ''), 's>k k>g k>w g>w w>e');
    const fix = find(map, 'implicit-split')!.suggestions[0]!;
    expect(fix.title).toMatch(/join before 'Welcome email'/);
    expect(rules(applyEdits(map, fix.edits))).toEqual([]);
  });

  it('splits without a join when the branches never meet again', () => {
    const map = mapOf(
      `${KICKOFF.replace(' w:a:Welcome_email', '')} f:e:Filed`,
      's>k k>g k>u g>e u>f',
    );
    const fix = find(map, 'implicit-split')!.suggestions[0]!;
    expect(fix.title).toBe("They all happen: split in parallel after 'Kickoff call'");
    expect(rules(applyEdits(map, fix.edits))).toEqual([]);
  });

  it('names a deadlock at a join, with the decision that causes it, and fixes it', () => {
    const map = mapOf(
      's:s:Signed d:d:Big_client? p:p g:a:Order_gift u:a:Set_up_project j:p:Both_done w:a:Welcome_email e:e:Done',
      's>d d>p:Yes d>g:No p>g p>u g>j u>j j>w w>e',
    );
    const finding = find(map, 'deadlock');
    expect(finding).toMatchObject({ severity: 'error', nodeIds: ['j'], edgeIds: ['e6'] });
    expect(finding?.message).toMatch(/'Both done' waits for every branch, but 'Big client\?'/);
    expect(finding?.message).toMatch(/from 'Set up project' may never come/);
    // No plain merge: for a big client both branches reach 'Both done', and as a merge it
    // would send the case on twice ('Welcome email' would run twice). See
    // moveDecisionFix.test.ts for the merge where the branches are alternatives.
    expect(finding!.suggestions).toEqual([]);
  });

  it('calls steps behind a join that never fires unreachable, though a path leads there', () => {
    const map = mapOf(
      's:s d:d:Which? a:a:A b:a:B j:p w:a:After e:e:Done',
      's>d d>a:Yes d>b:No a>j b>j j>w w>e a>e b>e',
    );
    // The join waits for A and B, but only one of them ever runs.
    const finding = find(map, 'unreachable');
    expect(finding?.nodeIds).toEqual(['j', 'w']);
    expect(finding?.message).toMatch(
      /No case can ever run 'j' and 'After': a join before it never/,
    );
    expect(rules(map)).toContain('deadlock');
  });

  it('names branches that meet without a join, and inserts one', () => {
    const map = mapOf(
      's:s:Signed p:p g:a:Order_gift u:a:Set_up_project w:a:Welcome_email e:e:Done',
      's>p p>g p>u g>w u>w w>e',
    );
    const finding = find(map, 'lack-of-sync');
    expect(finding).toMatchObject({ severity: 'error', nodeIds: ['w'], edgeIds: ['e4', 'e5'] });
    expect(finding?.message).toMatch(/both arrive at 'Welcome email'.*once per branch/);
    const fixed = applyEdits(map, finding!.suggestions[0]!.edits);
    expect(rules(fixed)).toEqual([]);
  });

  it('names branches that meet at an end with an arrow out: it passes both on, so what follows runs twice', () => {
    // Found by the random property (seed -1897867882): the end was not named, so turning it
    // into a decision (the fix for its arrow out) seemed to add the error.
    const map = mapOf(
      's:s:Signed p:p g:a:Order_gift u:a:Set_up_project d:e:Done w:a:Welcome_email e:e:Filed',
      's>p p>g p>u g>d u>d d>w w>e',
    );
    const sync = analyze(map).findings.filter((f) => f.rule === 'lack-of-sync');
    expect(sync.map((f) => f.nodeIds)).toEqual([['d'], ['w']]);
    const outgoing = find(map, 'end-has-outgoing')!;
    for (const fix of outgoing.suggestions) {
      const after = analyze(applyEdits(map, fix.edits)).findings;
      const errors = after.filter((f) => f.severity === 'error').flatMap((f) => f.nodeIds);
      expect(
        errors.every((id) => ['d', 'w'].includes(id)),
        fix.title,
      ).toBe(true);
    }
    // An end that takes the case away may be reached by both branches: nothing runs twice.
    const plain = mapOf(
      's:s:Signed p:p g:a:Order_gift u:a:Set_up_project d:e:Done',
      's>p p>g p>u g>d u>d',
    );
    expect(rules(plain)).not.toContain('lack-of-sync');
  });

  it('does not offer a join where a branch may not come (it would wait forever)', () => {
    // The gift branch can end at 'Out of stock'; a join before 'Welcome email' would wait
    // for it forever, so adding one is no fix.
    const map = mapOf(
      's:s:Signed p:p g:a:Order_gift d:d:In_stock? u:a:Set_up_project w:a:Welcome_email e:e:Done x:e:Out_of_stock',
      's>p p>g p>u g>d d>w:Yes d>x:No u>w w>e',
    );
    const finding = find(map, 'lack-of-sync');
    expect(finding?.nodeIds).toEqual(['w']);
    expect(finding?.suggestions).toEqual([]);
  });

  it('does not ask a parallel step for branch labels or chances', () => {
    const map = mapOf('s:s p:p a:a b:a j:p e:e', 's>p p>a:Yes p>a p>b a>j b>j j>e');
    const found = rules(map);
    expect(found).not.toContain('decision-branches');
    expect(found).not.toContain('unlabeled-branch');
    expect(found).not.toContain('duplicate-branch-label');
    expect(found).not.toContain('implicit-split');
  });

  it('counts work time in full and lead time by the longest branch', () => {
    const map = kickoffMap();
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(metrics.cycleTimeMinutes).toBe(100);
    expect(metrics.leadTime).toEqual({ minutes: 70, estimate: false });
    expect(metrics.notes).toEqual([]);
    expect(metrics.precision).toMatchObject({ visits: 'exact', reworkShare: 'exact' });
  });

  it('names the lead time an estimate where a branch holds a decision, and unsound figures approximate', () => {
    const map = mapOf(
      's:s p:p d:d:Urgent? a:a:Rush b:a:Plan u:a:Set_up j:p e:e',
      's>p p>d p>u d>a:Yes d>b:No a>j b>j u>j j>e',
    );
    const { metrics } = analyze(map);
    if (!metrics.available) throw new Error('metrics should be available');
    expect(metrics.leadTime?.estimate).toBe(true);
    expect(metrics.notes.join(' ')).toMatch(/approximate: a join can wait forever/);
    // Each figure says so too, though every solve was exact.
    expect(metrics.precision).toMatchObject({
      visits: 'approximate',
      reworkShare: 'approximate',
      unconverged: null,
    });
    expect(metrics.precision.residual).toBeLessThanOrEqual(1e-9);
  });

  it('calls the figures approximate where branches meet without a join, exact once one is added', () => {
    const twice = analyze(mapOf('s:s p:p a:a b:a m:a e:e', 's>p p>a p>b a>m b>m m>e')).metrics;
    if (!twice.available) throw new Error('metrics should be available');
    expect(twice.precision.visits).toBe('approximate');
    const joined = analyze(
      mapOf('s:s p:p a:a b:a j:p m:a e:e', 's>p p>a p>b a>j b>j j>m m>e'),
    ).metrics;
    if (!joined.available) throw new Error('metrics should be available');
    expect(joined.precision).toMatchObject({ visits: 'exact', reworkShare: 'exact' });
  });
});
