import { describe, expect, it } from 'vitest';
import { mapOf } from '../analyzer/testing/mapOf';
import { applyEdits, type ProcessMap } from '../model';
import { reviewMap } from './reviewMap';

/** A kickoff call of 60 minutes among 10-minute steps, 3 cases a week. */
function kickoff(): ProcessMap {
  const map = mapOf('s:s k:a:Hold_kickoff_call w:a:Send_welcome e:e', 's>k k>w w>e');
  map.nodes[1] = { ...map.nodes[1]!, kind: 'action', durationMinutes: 60 };
  map.nodes[2] = { ...map.nodes[2]!, kind: 'action', durationMinutes: 10 };
  map.settings.casesPerWeek = 3;
  return map;
}

const choices = (map: ProcessMap) =>
  reviewMap(map)
    .findings.find((f) => f.rule === 'bottleneck')!
    .suggestions.map((s) => s.title);

describe("the bottleneck's choices, side by side (issue 15, item 12)", () => {
  it('hand it off (with the hours it frees), shorten it, or split it', () => {
    const map = kickoff();
    map.people = [
      { id: 'me', name: 'Me', role: 'owner', hourlyCost: 0, hoursPerWeek: 10 },
      { id: 'va', name: 'Maria', role: 'outsourcer', hourlyCost: 15, hoursPerWeek: 10 },
    ];
    expect(choices(map)).toEqual([
      "Hand 'Hold kickoff call' to Maria (frees 3 h a week of your time), then agree its turnaround and quality with them",
      "Shorten 'Hold kickoff call' from 60 to 30 minutes (a checklist, a template): then 75% of each case",
      "Split 'Hold kickoff call' into 4 parts of 15 minutes that others can do",
    ]);
  });

  it('with no one to hand it to, a new helper at the default rate', () => {
    const map = kickoff();
    const fix = reviewMap(map).findings.find((f) => f.rule === 'bottleneck')!.suggestions[0]!;
    expect(fix.title).toBe(
      "Hand 'Hold kickoff call' to a new helper at $25/h (frees 3 h a week of your time), then agree its turnaround and quality with them",
    );
    const after = applyEdits(map, fix.edits);
    expect(after.people).toEqual([
      { id: 'helper', name: 'Helper', role: 'outsourcer', hourlyCost: 25, hoursPerWeek: 6 },
    ]);
    expect(after.nodes[1]).toMatchObject({ ownerId: 'helper' });
  });

  it('productive work, or a step someone else already does, is not offered for hand-off', () => {
    const productive = kickoff();
    productive.nodes[1] = { ...productive.nodes[1]!, kind: 'action', workType: 'productive' };
    expect(choices(productive)[0]).toMatch(/^Shorten/);
    const theirs = kickoff();
    theirs.people = [
      { id: 'va', name: 'Maria', role: 'outsourcer', hourlyCost: 15, hoursPerWeek: 10 },
    ];
    theirs.nodes[1] = { ...theirs.nodes[1]!, kind: 'action', ownerId: 'va' };
    expect(choices(theirs)[0]).toMatch(/^Shorten/);
  });
});
