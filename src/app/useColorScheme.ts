import { useSyncExternalStore } from 'react';
import type { Theme } from '../store/createEditorStore';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The colour scheme in effect: the chosen theme, or the system's when it is `system`. */
export function useColorScheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(
    (notify) => {
      const q = query();
      q.addEventListener('change', notify);
      return () => q.removeEventListener('change', notify);
    },
    () => query().matches,
    () => false,
  );
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}
