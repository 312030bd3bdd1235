import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TwinConfig } from '../config/schema';
import type { AssetState } from './assetState';
import { initialAssetStates } from './initialAssetStates';

/** Human-speed twin state: what React panels may subscribe to. */
export interface TwinUiState {
  config: TwinConfig | null;
  /** Every asset, in config order. The array and its objects keep identity for the site's life. */
  assets: readonly AssetState[];
  byId: ReadonlyMap<string, AssetState>;
  selectedId: string | null;
  hoveredId: string | null;
  /** Replaces the site: builds asset state from the config's initial poses and field defaults. */
  loadSite(config: TwinConfig): void;
  unloadSite(): void;
  select(id: string | null): void;
  hover(id: string | null): void;
}

/**
 * The twin store: a vanilla zustand store for human-speed state, plus a revision counter for
 * the high-speed path. Telemetry mutates `AssetState` objects in place and calls `markChanged()`;
 * the scene compares `revision` inside `useFrame`, so telemetry never causes a React render.
 */
export interface TwinStore extends StoreApi<TwinUiState> {
  /** Incremented on every in-place change to asset state. */
  readonly revision: number;
  markChanged(): void;
}

export function createTwinStore(): TwinStore {
  const store = createStore<TwinUiState>()((set) => ({
    config: null,
    assets: [],
    byId: new Map(),
    selectedId: null,
    hoveredId: null,
    loadSite(config) {
      const assets = initialAssetStates(config);
      set({
        config,
        assets,
        byId: new Map(assets.map((a) => [a.id, a])),
        selectedId: null,
        hoveredId: null,
      });
      twin.markChanged();
    },
    unloadSite() {
      set({ config: null, assets: [], byId: new Map(), selectedId: null, hoveredId: null });
      twin.markChanged();
    },
    select(id) {
      set({ selectedId: id });
    },
    hover(id) {
      set({ hoveredId: id });
    },
  }));
  let revision = 0;
  // defineProperty, not Object.assign: assign would copy the getter's value once.
  const twin = Object.defineProperties(store, {
    revision: { get: () => revision, enumerable: true },
    markChanged: {
      value: () => {
        revision++;
      },
    },
  }) as TwinStore;
  return twin;
}
