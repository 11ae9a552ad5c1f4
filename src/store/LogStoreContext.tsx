import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import { createLogStore, type LogStore, type LogStoreState } from './createLogStore';

const LogStoreContext = createContext<LogStore | null>(null);
/** Used where no provider is (a step drawn in a unit test): an empty log. */
let fallback: LogStore | null = null;

/** Gives the tree one event-log store (see createLogStore). */
export function LogStoreProvider({ store, children }: { store?: LogStore; children: ReactNode }) {
  const [value] = useState(() => store ?? createLogStore());
  return <LogStoreContext.Provider value={value}>{children}</LogStoreContext.Provider>;
}

/** The event-log store itself (for actions outside render). */
export function useLogStoreApi(): LogStore {
  const store = useContext(LogStoreContext);
  if (store) return store;
  fallback ??= createLogStore();
  return fallback;
}

/** Subscribes to a slice of the event-log state; use useShallow for objects and arrays. */
export function useLog<T>(selector: (state: LogStoreState) => T): T {
  return useStore(useLogStoreApi(), selector);
}
