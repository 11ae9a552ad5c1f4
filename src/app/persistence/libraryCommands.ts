import { createMap, exampleMap, type ProcessMap, sameValue, uniqueMapName } from '../../model';
import { type MapLibrary, makeMapPreview, type VersionDetail } from '../../persistence';
import type { PersistenceContext } from './persistenceContext';

/** The library commands: create, open, rename, duplicate, trash, delete, list, versions. */
export function libraryCommands(ctx: PersistenceContext) {
  const { editor, state, set, bumpLibrary, fail, requireSession } = ctx;
  /** Runs a command on the trash; says why when it fails; the lists read the library again. */
  const inTrash = async (command: (library: MapLibrary) => Promise<unknown>, failed: string) => {
    try {
      await command(requireSession().library);
    } catch (error) {
      fail(error, failed);
    }
    bumpLibrary();
  };
  const commands = {
    /**
     * Makes `map` a new map in the library and opens it (import, New blank map, Example map).
     * Without storage, it replaces the open map after asking.
     */
    async createMap(map: ProcessMap): Promise<boolean> {
      const s = ctx.session;
      if (!s) {
        const current = editor.getState().map;
        // Anything but a fresh blank map is someone's work: a name or settings without steps too.
        if (
          !sameValue(current, createMap()) &&
          !window.confirm(
            'Browser storage is not available, so this replaces the open map. Export it first to keep it. Replace it?',
          )
        ) {
          return false;
        }
        editor.getState().loadMap(map);
        ctx.showView(null);
        return true;
      }
      if (!(await ctx.settle(s))) return false;
      try {
        const created = await s.library.create(map, { tabId: s.sync.tabId });
        bumpLibrary();
        // Opened as it was stored, without reading it back: on a big import, parsing the
        // text again would lengthen the task that opens it.
        ctx.show(
          s,
          {
            id: created.id,
            map,
            revision: created.revision,
            updatedAt: created.updatedAt,
            migrations: [],
          },
          null,
        );
        return true;
      } catch (error) {
        fail(error, 'Could not create the map');
        return false;
      }
    },

    /**
     * Opens an imported map as a new map; a name another map in the library already has
     * gets " (2)" (" (3)"…), so the two can be told apart.
     */
    async importMap(map: ProcessMap): Promise<boolean> {
      const s = ctx.session;
      if (!s) return commands.createMap(map);
      let names: string[] = [];
      try {
        names = (await s.library.list()).filter((m) => m.trashedAt === null).map((m) => m.name);
      } catch {
        // The name stays as it is; creating the map reports any storage fault.
      }
      return commands.createMap({ ...map, name: uniqueMapName(map.name, names) });
    },

    newBlankMap: () => commands.createMap(createMap()),
    newExampleMap: () => commands.createMap(exampleMap()),

    async openMap(id: string): Promise<boolean> {
      const s = requireSession();
      if (id === state.getState().mapId) return true;
      if (!(await ctx.settle(s))) return false;
      return ctx.tryOpen(s, id, null);
    },

    /** Renames a map; the open one through the editor, so it is undoable and autosaved. */
    async renameMap(id: string, name: string) {
      const trimmed = name.trim();
      if (!trimmed) return;
      const s = ctx.session;
      if (id === state.getState().mapId || !s) {
        editor.getState().renameMap(trimmed);
        return;
      }
      try {
        await s.library.rename(id, trimmed);
      } catch (error) {
        fail(error, 'Could not rename the map');
      }
      bumpLibrary();
    },

    async duplicateMap(id: string) {
      const s = requireSession();
      if (id === state.getState().mapId) await s.autosave.flush();
      try {
        await s.library.duplicate(id);
      } catch (error) {
        fail(error, 'Could not duplicate the map');
      }
      bumpLibrary();
    },

    async trashMap(id: string) {
      const s = requireSession();
      try {
        if (id === state.getState().mapId) {
          await s.autosave.flush();
          await s.library.moveToTrash(id);
          s.autosave.markSaved(editor.getState().map);
          set({ mapId: null });
          const next = (await s.library.list())[0];
          if (!(next && (await ctx.tryOpen(s, next.id, null)))) {
            const created = await s.library.create(createMap(), { tabId: s.sync.tabId });
            await ctx.tryOpen(s, created.id, null);
          }
        } else {
          await s.library.moveToTrash(id);
        }
      } catch (error) {
        fail(error, 'Could not move the map to the trash');
      }
      bumpLibrary();
    },

    restoreMap: (id: string) =>
      inTrash((library) => library.restoreFromTrash(id), 'Could not restore the map'),
    deleteForever: (id: string) =>
      inTrash((library) => library.deleteForever(id), 'Could not delete the map'),

    library: () => ctx.session?.library ?? null,

    listMaps: async (search: string) => (ctx.session ? ctx.session.library.search(search) : []),
    listTrash: async () => (ctx.session ? ctx.session.library.listTrash() : []),
    async listVersions() {
      const mapId = state.getState().mapId;
      return ctx.session && mapId ? ctx.session.library.listVersions(mapId) : [];
    },

    /** Brings back a saved version as an undoable change; the current one stays in history. */
    /**
     * A saved version of the open map with a small drawing of it, to preview and compare;
     * null when it cannot be read.
     */
    async readVersion(versionId: string): Promise<VersionDetail | null> {
      const mapId = state.getState().mapId;
      if (!ctx.session || !mapId) return null;
      try {
        const map = await ctx.session.library.readVersion(mapId, versionId);
        return { map, preview: makeMapPreview(map, { width: 96, height: 60 }) };
      } catch {
        return null;
      }
    },

    async restoreVersion(versionId: string) {
      const s = requireSession();
      const mapId = state.getState().mapId;
      if (!mapId) return;
      try {
        await s.autosave.flush();
        const map = await s.library.restoreVersion(mapId, versionId);
        // One undoable change, unlike loadMap.
        editor.getState().restoreVersion(map);
        await s.autosave.flush();
      } catch (error) {
        fail(error, 'Could not restore that version');
      }
      bumpLibrary();
    },
  };
  return commands;
}
