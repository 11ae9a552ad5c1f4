import { describe, expect, it } from 'vitest';
import { type Migration, migrateMapFile } from './migrations';

const renameTitle: Migration = {
  name: 'v1-title-to-name',
  from: 1,
  up: ({ title, ...rest }) => ({ ...rest, name: title }),
};
const addSettings: Migration = {
  name: 'v2-add-settings',
  from: 2,
  up: (file) => ({ ...file, settings: { currency: 'EUR' } }),
};

describe('migrateMapFile', () => {
  it('runs every migration from the file version on, in order, and names them', () => {
    const result = migrateMapFile({ version: 1, title: 'Old' }, [addSettings, renameTitle], 3);
    expect(result).toEqual({
      ok: true,
      file: { version: 3, name: 'Old', settings: { currency: 'EUR' } },
      applied: ['v1-title-to-name', 'v2-add-settings'],
    });
  });

  it('starts from the middle for a file of a later version', () => {
    const result = migrateMapFile({ version: 2, name: 'x' }, [renameTitle, addSettings], 3);
    expect(result.ok && result.applied).toEqual(['v2-add-settings']);
  });

  it('refuses a version newer than the app, a gap in the list, and a bad version', () => {
    expect(migrateMapFile({ version: 4 }, [], 3)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Leverflow/),
    });
    expect(migrateMapFile({ version: 1 }, [addSettings], 3)).toEqual({
      ok: false,
      message: 'No migration from file version 1.',
    });
    expect(migrateMapFile({ version: 0.5 }, [], 3).ok).toBe(false);
  });
});
