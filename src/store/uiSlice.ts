import type { EditorSlice, UiSlice } from './editorTypes';

/** Preferences and what is open: theme, grid, help, notice, side panel, heat tint. */
export const createUiSlice: EditorSlice<UiSlice> = (set) => ({
  snapToGrid: false,
  theme: 'system',
  helpOpen: false,
  notice: null,
  panel: 'inspect',
  heat: false,
  picture: { markers: false, title: false },
  agreementFor: null,
  lanes: false,
  viewAs: null,
  pack: null,
  relayout: null,
  setSnapToGrid: (snapToGrid) => set({ snapToGrid }),
  setTheme: (theme) => set({ theme }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setNotice: (notice) => set({ notice }),
  setPanel: (panel) => set({ panel }),
  setHeat: (heat) => set({ heat }),
  setPicture: (patch) => set((s) => ({ picture: { ...s.picture, ...patch } })),
  setAgreementFor: (agreementFor) => set({ agreementFor }),
  setLanes: (lanes) => set({ lanes }),
  setViewAs: (viewAs) => set({ viewAs }),
  setPack: (pack) => set({ pack }),
  setRelayout: (relayout) => set({ relayout }),
});
