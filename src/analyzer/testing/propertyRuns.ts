/**
 * fast-check's run settings for the analyzer's property tests: a fixed seed, so a run in CI
 * is the same run every time (a counterexample found once is found again, and no commit is
 * failed by a seed it did not cause). From the environment: FC_RUNS (how many maps),
 * FC_SEED (a seed, or "random" for a new one, printed on failure) and FC_PATH (with the
 * seed, replays the counterexample fast-check printed).
 * @example fc.assert(property, propertyRuns(500, 1))
 */
export function propertyRuns(
  numRuns: number,
  seed: number,
): { numRuns: number; seed?: number; path?: string } {
  const env = process.env;
  const runs = { numRuns: Number(env.FC_RUNS ?? numRuns) };
  if (env.FC_SEED === 'random') return runs;
  const fixed = { ...runs, seed: Number(env.FC_SEED ?? seed) };
  return env.FC_PATH ? { ...fixed, path: env.FC_PATH } : fixed;
}
