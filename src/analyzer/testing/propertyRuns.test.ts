import { afterEach, describe, expect, it } from 'vitest';
import { propertyRuns } from './propertyRuns';

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['FC_RUNS', 'FC_SEED', 'FC_PATH']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('propertyRuns', () => {
  it('runs a fixed seed by default, the same maps every run', () => {
    delete process.env.FC_RUNS;
    delete process.env.FC_SEED;
    delete process.env.FC_PATH;
    expect(propertyRuns(500, 7)).toEqual({ numRuns: 500, seed: 7 });
  });

  it('takes the runs, a seed and a path from the environment, to replay a counterexample', () => {
    process.env.FC_RUNS = '5000';
    process.env.FC_SEED = '-661953000';
    process.env.FC_PATH = '3312:0:3';
    expect(propertyRuns(500, 7)).toEqual({ numRuns: 5000, seed: -661953000, path: '3312:0:3' });
  });

  it('FC_SEED=random leaves the seed to fast-check, a new one each run', () => {
    process.env.FC_SEED = 'random';
    delete process.env.FC_RUNS;
    expect(propertyRuns(400, 7)).toEqual({ numRuns: 400 });
  });
});
