import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` unless told not to, and probes for it on
 * first use: under the app's Content-Security-Policy (no 'unsafe-eval') the probe is refused
 * and reported as a violation on every load. Jitless parsing needs no eval. Imported for its
 * effect by the schemas, the entry point and each worker, before any schema is used.
 */
z.config({ jitless: true });
