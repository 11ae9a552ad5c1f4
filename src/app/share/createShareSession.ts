import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { ProcessMap } from '../../model';
import type { PresencePrefs } from '../../persistence/shareRecords';
import type { EditorStore } from '../../store/createEditorStore';
import { docMaps, readMapFromDoc, writeMapToDoc } from '../../sync/mapDoc';
import { SYNC_URL } from './syncServerUrl';

/** The origin of this person's own changes: the only ones their undo manager tracks. */
const LOCAL = Symbol('local edit');
/** The origin of the map written into a new room: not undoable. */
const SEED = Symbol('shared map');

/** Someone else in the room, as their presence says. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  pointer: { x: number; y: number } | null;
  selected: string[];
}

export interface ShareSessionState {
  connection: 'connecting' | 'online' | 'offline' | 'denied';
  /** Changes made while offline that the server has not had yet. */
  waiting: number;
  /** What the server says this link may do, once it has said. */
  access: 'edit' | 'view' | null;
  peers: Peer[];
  /** The last repairs made to a change from someone else (for the console and tests). */
  repairs: string[];
}

export interface ShareSessionOptions {
  editor: EditorStore;
  room: string;
  token: string;
  presence: PresencePrefs;
  /** The map to put in a new room; none to take the room's map (joining, reopening). */
  seed?: ProcessMap;
  url?: string;
}

/**
 * One shared map: a Y.Doc kept in IndexedDB (reloads and offline work need no server) and
 * synced through the Hocuspocus server; the editor store follows the doc, its changes go
 * into the doc as transactions of this person's origin, and undo goes through a Yjs
 * UndoManager that tracks that origin only (my changes, not someone else's).
 */
export function createShareSession(options: ShareSessionOptions) {
  const { editor, room, token } = options;
  const doc = new Y.Doc();
  const maps = docMaps(doc);
  const local = new IndexeddbPersistence(`leverflow-room-${room}`, doc);
  const state = createStore<ShareSessionState>()(() => ({
    connection: 'connecting',
    waiting: 0,
    access: null,
    peers: [],
    repairs: [],
  }));
  const undo = new Y.UndoManager(Object.values(maps), {
    trackedOrigins: new Set([LOCAL]),
    captureTimeout: 0,
  });
  const reportHistory = () =>
    editor.getState().setSharedHistory({
      canUndo: undo.undoStack.length > 0,
      canRedo: undo.redoStack.length > 0,
    });
  undo.on('stack-item-added', reportHistory);
  undo.on('stack-item-popped', reportHistory);
  undo.on('stack-cleared', reportHistory);
  if (options.seed) writeMapToDoc(doc, null, options.seed, SEED);

  let pulling = false;
  const pull = () => {
    pulling = false;
    if (destroyed) return;
    const { map, repairs } = readMapFromDoc(doc, editor.getState().map);
    if (repairs.length > 0) {
      console.warn(`Leverflow repaired a shared change: ${repairs.join(' ')}`);
      state.setState({ repairs });
    }
    if (editor.getState().sharing !== null) editor.getState().receiveShared(map);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL || origin === SEED || pulling) return;
    pulling = true;
    queueMicrotask(pull);
  };
  doc.on('update', onUpdate);

  let resolveSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    resolveSynced = resolve;
  });
  let resolveDenied: () => void = () => {};
  const denied = new Promise<void>((resolve) => {
    resolveDenied = resolve;
  });
  const provider = new HocuspocusProvider({
    url: options.url ?? SYNC_URL,
    name: room,
    document: doc,
    token,
    onAuthenticated: ({ scope }) => {
      state.setState({ access: scope === 'readonly' ? 'view' : 'edit' });
    },
    onAuthenticationFailed: () => {
      state.setState({ connection: 'denied' });
      resolveDenied();
    },
    onStatus: ({ status }) => {
      if (status !== 'connected') state.setState({ connection: 'offline' });
    },
    onSynced: ({ state: isSynced }) => {
      if (!isSynced) return;
      state.setState({ connection: 'online', waiting: 0 });
      resolveSynced();
    },
    onUnsyncedChanges: ({ number }) => {
      if (number === 0 && state.getState().connection === 'online') state.setState({ waiting: 0 });
    },
    onAwarenessChange: ({ states }) => {
      const me = provider.awareness?.clientID;
      const peers: Peer[] = [];
      for (const s of states) {
        if (s.clientId === me || typeof s.user !== 'object' || s.user === null) continue;
        const user = s.user as { name?: unknown; color?: unknown };
        const pointer = s.pointer as { x?: unknown; y?: unknown } | null | undefined;
        peers.push({
          clientId: s.clientId,
          name: typeof user.name === 'string' ? user.name.slice(0, 40) : 'Someone',
          color:
            typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
              ? user.color
              : '#888888',
          pointer:
            pointer && Number.isFinite(pointer.x) && Number.isFinite(pointer.y)
              ? { x: Number(pointer.x), y: Number(pointer.y) }
              : null,
          selected: Array.isArray(s.selected)
            ? s.selected.filter((id): id is string => typeof id === 'string').slice(0, 500)
            : [],
        });
      }
      state.setState({ peers });
    },
  });
  provider.awareness?.setLocalStateField('user', options.presence);

  const unsubscribeSelection = editor.subscribe((s, prev) => {
    if (s.selectedNodeIds !== prev.selectedNodeIds) {
      provider.awareness?.setLocalStateField('selected', [...s.selectedNodeIds].slice(0, 500));
    }
    // Another map opened (loadMap detached this session): stop following the room.
    if (s.sharing === null && prev.sharing !== null && attached) session.destroy();
  });

  let attached = false;
  let destroyed = false;
  let dragging = false;
  // The browser says the network is gone or back (a socket may take long to notice).
  const offline = () => {
    state.setState({ connection: 'offline' });
    provider.disconnect();
  };
  const online = () => void provider.connect();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  const session = {
    room,
    state,
    doc,
    provider,
    /** Resolves once the server has sent the room (joining needs it before showing a map). */
    synced,
    /** Resolves if the server refuses the link (a deleted room, a broken token). */
    denied,
    /** Resolves once IndexedDB has given back what this browser kept of the room. */
    loaded: Promise.race([
      local.whenSynced.then(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, 2000)),
    ]),
    /** The map the doc holds now. */
    read: () => readMapFromDoc(doc, editor.getState().map),
    /** Connects the editor: the store shows the doc's map and sends its changes here. */
    attach(mode: 'edit' | 'view') {
      attached = true;
      editor.getState().attachSync(
        {
          write: (before, after) => {
            writeMapToDoc(doc, before, after, LOCAL);
            if (state.getState().connection !== 'online') {
              state.setState((s) => ({ waiting: s.waiting + 1 }));
            }
          },
          undo: () => undo.undo(),
          redo: () => undo.redo(),
          // The canvas calls beginDrag on every move of a drag: only the first one counts.
          beginDrag: () => {
            if (dragging) return;
            dragging = true;
            undo.stopCapturing();
            undo.captureTimeout = Number.MAX_SAFE_INTEGER;
          },
          endDrag: () => {
            dragging = false;
            undo.captureTimeout = 0;
            undo.stopCapturing();
          },
        },
        mode,
      );
      // Nothing of the room in this browser yet (storage was cleared, first visit offline):
      // the map this browser has goes in; otherwise the room's map is the truth.
      if (maps.meta.size === 0 && maps.nodes.size === 0) {
        writeMapToDoc(doc, null, editor.getState().map, SEED);
      } else editor.getState().receiveShared(readMapFromDoc(doc, editor.getState().map).map);
    },
    setPointer(pointer: { x: number; y: number } | null) {
      provider.awareness?.setLocalStateField('pointer', pointer);
    },
    setPresence(prefs: PresencePrefs) {
      provider.awareness?.setLocalStateField('user', prefs);
    },
    /** Leaves the room; `forget` also drops this browser's copy of it. */
    async destroy(forget = false) {
      if (destroyed) return;
      destroyed = true;
      unsubscribeSelection();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      doc.off('update', onUpdate);
      if (attached && editor.getState().sharing !== null) editor.getState().attachSync(null);
      attached = false;
      provider.destroy();
      undo.destroy();
      if (forget) await local.clearData();
      else await local.destroy();
      doc.destroy();
    },
  };
  return session;
}

export type ShareSession = ReturnType<typeof createShareSession>;
