import type { Migration } from './Migration';

/**
 * Version 3 adds the `parallel` step kind (a fork/join bar). Every version 2 file is already
 * a valid version 3 file: nothing in it changes but the version number, which the migration
 * runner sets. Named so a file opened from version 2 says which step brought it up to date.
 */
export const v2AddParallelKind: Migration = {
  name: 'v2-add-parallel-kind',
  from: 2,
  up: (file) => ({ ...file }),
};
