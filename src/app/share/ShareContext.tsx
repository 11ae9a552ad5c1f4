import { createContext, useContext } from 'react';
import type { Sharing } from './useSharing';

export const ShareContext = createContext<Sharing | null>(null);

/** The sharing controller of the app (see useSharing). */
export function useShare(): Sharing {
  const sharing = useContext(ShareContext);
  if (!sharing) throw new Error('useShare needs <ShareContext.Provider>');
  return sharing;
}
