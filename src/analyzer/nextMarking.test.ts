import { describe, expect, it } from 'vitest';
import { nextMarking } from './nextMarking';

describe('nextMarking', () => {
  it('takes the tokens at the given positions away and adds the new ones, sorted', () => {
    expect([...nextMarking(Int32Array.of(2, 5, 5, 9), [1, 3], [7, 1])]).toEqual([1, 2, 5, 7]);
    // A join takes one token from each arrow in and passes the case on once.
    expect([...nextMarking(Int32Array.of(3, 4), [0, 1], [8])]).toEqual([8]);
    // An end takes the token away.
    expect([...nextMarking(Int32Array.of(6), [0], [])]).toEqual([]);
  });
});
