import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { LibraryCommands } from '../../panels/LibraryContext';
import {
  type PresencePrefs,
  presencePrefs,
  type ShareRecord,
  shareRecords,
} from '../../persistence/shareRecords';
import type { EditorStore } from '../../store/createEditorStore';
import { createShareSession, type ShareSession } from './createShareSession';
import { parseShareLink } from './shareLink';
import { NO_SERVER_HELP, SYNC_HTTP_URL } from './syncServerUrl';

const MEMORY = 'memory';

/** What the share UI reads and does. */
export interface Sharing {
  session: ShareSession | null;
  record: ShareRecord | null;
  /** Why sharing did not start or a link did not open (how to start the server…). */
  error: string | null;
  busy: boolean;
  /** A share link in the address is being opened: the map on screen is not the room's yet. */
  joiningLink: boolean;
  presence: PresencePrefs;
  share: () => Promise<void>;
  stop: (deleteRoom: boolean) => Promise<void>;
  setPresence: (prefs: PresencePrefs) => void;
  clearError: () => void;
}

async function makeRoom(): Promise<{ room: string; editToken: string; viewToken: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 4000);
  try {
    const response = await fetch(`${SYNC_HTTP_URL}/rooms`, {
      method: 'POST',
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`The sync server answered ${response.status}.`);
    const body: unknown = await response.json();
    const { room, editToken, viewToken } = (body ?? {}) as Record<string, unknown>;
    if (
      typeof room !== 'string' ||
      typeof editToken !== 'string' ||
      typeof viewToken !== 'string'
    ) {
      throw new Error('The sync server sent something that is not a room.');
    }
    return { room, editToken, viewToken };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Shares the open map through the sync server: Share makes a room and moves the map into
 * it, a link in the address opens (or joins) a room, reopening a shared map from the
 * library rejoins its room, and Stop sharing makes the map local only again.
 */
export function useSharing(editor: EditorStore, library: LibraryCommands): Sharing {
  const mapId = useStore(library.state, (s) => s.mapId) ?? MEMORY;
  const ready = useStore(library.state, (s) => s.phase === 'ready');
  const sharing = useStore(editor, (s) => s.sharing);
  const [session, setSession] = useState<ShareSession | null>(null);
  const sessionRef = useRef<ShareSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [presence, setPresenceState] = useState(() => presencePrefs.get());
  const joining = useRef(false);
  const [joiningLink, setJoiningLink] = useState(
    () => parseShareLink(window.location.hash) !== null,
  );
  const rejoining = useRef<ShareSession | null>(null);

  const use = useCallback((next: ShareSession | null) => {
    const old = sessionRef.current;
    if (old && old !== next) void old.destroy();
    sessionRef.current = next;
    setSession(next);
  }, []);

  // Follow the open map: rejoin its room if it is shared, leave the room if not.
  const record = ready ? shareRecords.get(mapId) : null;
  useEffect(() => {
    if (!ready || joining.current) return;
    const current = sessionRef.current;
    if (!record) {
      if (current) use(null);
      return;
    }
    // Already in this room, or still joining it (the store says 'sharing' only once the
    // session is attached): a re-render before then must not start the room over again.
    if (
      current &&
      current.room === record.room &&
      (sharing !== null || rejoining.current === current)
    )
      return;
    const next = createShareSession({
      editor,
      room: record.room,
      token: record.token,
      presence: presencePrefs.get(),
    });
    rejoining.current = next;
    use(next);
    void next.loaded.then(() => {
      if (sessionRef.current === next) next.attach(record.mode);
      if (rejoining.current === next) rejoining.current = null;
    });
  }, [ready, record?.room, record?.token, record?.mode, sharing, editor, use, record]);

  // A link in the address: open the room's map (a new library map the first time).
  useEffect(() => {
    if (!ready) return;
    const link = parseShareLink(window.location.hash);
    if (!link) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    joining.current = true;
    setBusy(true);
    const next = createShareSession({
      editor,
      room: link.room,
      token: link.token,
      presence: presencePrefs.get(),
    });
    use(next);
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), 15_000),
    );
    void (async () => {
      try {
        const outcome = await Promise.race([
          next.synced.then(() => 'synced' as const),
          next.denied.then(() => 'denied' as const),
          timeout,
        ]);
        if (outcome !== 'synced') {
          use(null);
          const message =
            outcome === 'denied'
              ? 'This share link does not open anything: the room was deleted, or the link is broken.'
              : `The share link could not be opened. ${NO_SERVER_HELP}`;
          setError(message);
          editor.getState().setNotice(message);
          return;
        }
        const mode = next.state.getState().access ?? 'edit';
        const { map } = next.read();
        if (!(await library.createMap(map))) {
          use(null);
          return;
        }
        const id = library.state.getState().mapId ?? MEMORY;
        shareRecords.set(id, {
          room: link.room,
          token: link.token,
          mode,
          ...(mode === 'edit' ? { editToken: link.token } : { viewToken: link.token }),
        });
        next.attach(mode);
        setSession(next);
      } finally {
        joining.current = false;
        setBusy(false);
        setJoiningLink(false);
      }
    })();
  }, [ready, editor, library, use]);

  const share = useCallback(async () => {
    setError(null);
    setBusy(true);
    try {
      let room: Awaited<ReturnType<typeof makeRoom>>;
      try {
        room = await makeRoom();
      } catch {
        setError(NO_SERVER_HELP);
        return;
      }
      const id = library.state.getState().mapId ?? MEMORY;
      const rec: ShareRecord = {
        room: room.room,
        token: room.editToken,
        mode: 'edit',
        editToken: room.editToken,
        viewToken: room.viewToken,
      };
      joining.current = true;
      const next = createShareSession({
        editor,
        room: room.room,
        token: room.editToken,
        presence: presencePrefs.get(),
        seed: editor.getState().map,
      });
      use(next);
      next.attach('edit');
      shareRecords.set(id, rec);
      joining.current = false;
    } finally {
      setBusy(false);
    }
  }, [editor, library, use]);

  const stop = useCallback(
    async (deleteRoom: boolean) => {
      const current = sessionRef.current;
      const id = library.state.getState().mapId ?? MEMORY;
      const rec = shareRecords.get(id);
      shareRecords.remove(id);
      sessionRef.current = null;
      setSession(null);
      if (current) await current.destroy(true);
      if (deleteRoom && rec?.editToken) {
        try {
          await fetch(`${SYNC_HTTP_URL}/rooms/${rec.room}/delete`, {
            method: 'POST',
            body: rec.editToken,
          });
        } catch {
          setError(
            'The map is local only again, but the room could not be deleted: the sync server did not answer.',
          );
        }
      }
    },
    [library],
  );

  const setPresence = useCallback((prefs: PresencePrefs) => {
    presencePrefs.set(prefs);
    setPresenceState(prefs);
    sessionRef.current?.setPresence(prefs);
  }, []);

  useEffect(() => () => void sessionRef.current?.destroy(), []);

  return {
    session,
    record,
    error,
    busy,
    joiningLink,
    presence,
    share,
    stop,
    setPresence,
    clearError: () => setError(null),
  };
}
