import type { PersistenceContext } from './persistenceContext';

/** Settling a conflict with another tab that saved the open map while this one had edits. */
export function conflictCommands(ctx: PersistenceContext) {
  const { editor, set, bumpLibrary, fail, requireSession } = ctx;
  return {
    /** Settles a conflict with another tab by taking the stored map. */
    async reloadFromStorage() {
      const s = requireSession();
      try {
        const loaded = await s.sync.reload();
        s.autosave.markSaved(loaded.map);
        editor.getState().loadMap(loaded.map);
        set({ conflict: false, banner: null });
      } catch (error) {
        fail(error, 'Could not reload the map');
      }
    },

    /** Settles a conflict with another tab by keeping this tab's map as a new map. */
    async keepMineAsCopy() {
      const s = requireSession();
      const map = editor.getState().map;
      try {
        const summary = await s.sync.keepMineAsCopy(map);
        s.autosave.markSaved(map);
        set({ conflict: false, mapId: summary.id, banner: null });
        await s.library.setMeta({ openMapId: summary.id });
        bumpLibrary();
      } catch (error) {
        fail(error, 'Could not keep your map as a copy');
      }
    },
  };
}
