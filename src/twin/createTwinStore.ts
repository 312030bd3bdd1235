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
  /**
   * Puts every asset back to the config's initial state in place (objects keep their identity),
   * as a replay seek needs before it applies the state at the new time.
   */
  resetAssets(): void;
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
  /** An asset of this type changed in place (also counts as a change of `revision`). */
  markTypeChanged(typeId: string): void;
  /**
   * Changes to assets of one type (and site loads): a renderer of 50,000 containers skips its
   * scan while only trucks move.
   */
  typeRevision(typeId: string): number;
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
      siteRevision++;
      set({
        config,
        assets,
        byId: new Map(assets.map((a) => [a.id, a])),
        selectedId: null,
        hoveredId: null,
      });
      twin.markChanged();
    },
    resetAssets() {
      const { config, assets } = store.getState();
      if (!config) return;
      const initial = initialAssetStates(config);
      assets.forEach((asset, i) => {
        const from = initial[i];
        if (!from) return;
        asset.position[0] = from.position[0];
        asset.position[1] = from.position[1];
        asset.position[2] = from.position[2];
        asset.headingDeg = from.headingDeg;
        asset.pitchDeg = from.pitchDeg;
        asset.rollDeg = from.rollDeg;
        for (const key of Object.keys(asset.fields)) delete asset.fields[key];
        Object.assign(asset.fields, from.fields);
        asset.lastUpdate = 0;
        asset.stale = false;
        asset.gateway = undefined;
        asset.linkHealth = undefined;
        asset.version++;
      });
      siteRevision++;
      twin.markChanged();
    },
    unloadSite() {
      siteRevision++;
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
  let siteRevision = 0;
  const typeRevisions = new Map<string, number>();
  // defineProperty, not Object.assign: assign would copy the getter's value once.
  const twin = Object.defineProperties(store, {
    revision: { get: () => revision, enumerable: true },
    markChanged: {
      value: () => {
        revision++;
      },
    },
    markTypeChanged: {
      value: (typeId: string) => {
        revision++;
        typeRevisions.set(typeId, (typeRevisions.get(typeId) ?? 0) + 1);
      },
    },
    typeRevision: {
      value: (typeId: string) => siteRevision + (typeRevisions.get(typeId) ?? 0),
    },
  }) as TwinStore;
  return twin;
}
