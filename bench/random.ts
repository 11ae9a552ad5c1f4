/**
 * A small, fast, seeded PRNG (mulberry32): the same seed gives the same map, so every
 * benchmark run measures the same input. The one generator is the event-log simulator's.
 * @example const next = random(1); next() // 0.627…
 */
export { mulberry32 as random } from '../src/eventlog/mulberry32';
