import { useEffect } from 'react';
import { decodeLogInWorker } from '../io/eventLogJob';
import type { LibraryCommands } from '../panels/LibraryContext';
import type { LogStore } from '../store/createLogStore';

/**
 * Keeps the event log with its map in browser storage: when another map opens, its own log
 * (if any) is read back; when a log is opened or removed, it is saved or deleted. Logs live
 * in their own store, compressed, so the map's autosave never writes them. Packing and
 * unpacking (seconds for a million events) run in workers, not on the page.
 */
export function useLogStorage(logs: LogStore, library: LibraryCommands): void {
  useEffect(() => {
    let applying = false;
    let mapId = library.state.getState().mapId;
    let turn = 0;
    const load = async () => {
      const mine = ++turn;
      const record = await library.loadEventLog();
      if (mine !== turn) return;
      const unpacked = record ? await decodeLogInWorker(record.data) : null;
      if (mine !== turn) return;
      const decoded = unpacked?.result;
      const imported = decoded?.ok ? { ...decoded.imported, fileName: decoded.fileName } : null;
      applying = true;
      try {
        if (imported || logs.getState().imported) logs.getState().setLog(imported, unpacked?.spare);
        if (imported) logs.setState({ stored: 'saved' });
      } finally {
        applying = false;
      }
      if (decoded && !decoded.ok)
        library.state.setState({ banner: { tone: 'warning', text: decoded.message } });
    };
    if (mapId) void load();
    const stopLibrary = library.state.subscribe((s) => {
      if (s.mapId === mapId) return;
      mapId = s.mapId;
      if (mapId) void load();
    });
    const stopLogs = logs.subscribe((s, prev) => {
      if (s.imported === prev.imported || applying) return;
      turn++; // a load still under way must not replace what the person just opened
      const imported = s.imported;
      if (!imported) {
        void library.saveEventLog(null);
        return;
      }
      // Packed by the log's worker; not saved if the log was replaced or removed meanwhile.
      const forMap = library.state.getState().mapId;
      const mine = () =>
        logs.getState().imported === imported && library.state.getState().mapId === forMap;
      logs.setState({ stored: 'saving' });
      void logs
        .getState()
        .pack()
        .then(async (data) => {
          if (!data || !mine()) return;
          const saved = await library.saveEventLog({
            fileName: imported.fileName,
            savedAt: Date.now(),
            events: imported.log.activity.length,
            data,
          });
          if (mine()) logs.setState({ stored: saved ? 'saved' : 'failed' });
        });
    });
    return () => {
      stopLibrary();
      stopLogs();
    };
  }, [logs, library]);
}
