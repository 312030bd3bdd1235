import { createStore } from 'zustand/vanilla';
import type { Player } from './createPlayer';

/** Where the page is in opening a recording; panels and the automation API read it. */
export type PlaybackSession =
  | { phase: 'off' }
  | { phase: 'opening'; name: string; stage: 'reading' | 'indexing'; fraction: number | null }
  | { phase: 'failed'; name: string; message: string }
  | { phase: 'ready'; name: string; player: Player };

export const createPlaybackSessionStore = () =>
  createStore<{ session: PlaybackSession }>()(() => ({ session: { phase: 'off' } }));

export type PlaybackSessionStore = ReturnType<typeof createPlaybackSessionStore>;
