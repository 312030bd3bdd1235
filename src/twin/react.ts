import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TwinStore, TwinUiState } from './createTwinStore';

/** The twin store of the page, provided once by the app. */
export const TwinContext = createContext<TwinStore | null>(null);

export function useTwinStore(): TwinStore {
  const store = useContext(TwinContext);
  if (!store) throw new Error('useTwinStore needs a <TwinContext.Provider>');
  return store;
}

/** Subscribes a component to a slice of human-speed twin state. */
export function useTwin<T>(selector: (state: TwinUiState) => T): T {
  return useStore(useTwinStore(), selector);
}
