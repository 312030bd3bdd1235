import { createStore, type StoreApi } from 'zustand';

/** What the wall screen shows now; read by its overlay and by `window.twindeck.wall()`. */
export interface WallStatus {
  on: boolean;
  /** Index of the tour stop shown, or null (not on, no stops, or an alarm holds the screen). */
  tourStop: number | null;
  /** The camera view of that stop. */
  viewId: string | null;
  /** The critical alarm the tour waits on, or null. */
  alarm: { id: string; assetId: string } | null;
}

export type WallStatusStore = StoreApi<WallStatus>;

export const createWallStatusStore = (on: boolean): WallStatusStore =>
  createStore<WallStatus>()(() => ({ on, tourStop: null, viewId: null, alarm: null }));
