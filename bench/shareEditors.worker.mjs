// Loads the TypeScript worker of bench:share through tsx (Node 20 workers do not take
// `--import tsx` from execArgv).
import { register } from 'tsx/esm/api';

register();
await import('./shareEditors.worker.ts');
