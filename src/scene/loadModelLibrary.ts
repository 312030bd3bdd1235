import { Group, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { ModelConfig } from '../config/schema';
import { resolveSameOrigin } from '../lib/sameOrigin';
import { fetchWithProgress } from './fetchWithProgress';

/** A model ready to build from: its scene with scale and up-axis already applied at the root. */
export interface LoadedModel {
  id: string;
  url: string;
  root: Object3D;
}

/** A model that could not be loaded; the scene draws a placeholder instead. */
export interface ModelLoadError {
  id: string;
  url: string;
  message: string;
}

export interface ModelLibrary {
  models: Map<string, LoadedModel>;
  errors: ModelLoadError[];
}

/** Progress of loading every model of a site. */
export interface ModelLoadProgress {
  done: number;
  total: number;
  /** 0..1 over all bytes known so far. */
  fraction: number;
}

/** Explains common failures in words a site author can act on. */
function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/HTTP 404/.test(message)) return 'file not found (HTTP 404)';
  if (/Unexpected (token|end)|JSON/.test(message)) return `not a valid glTF file (${message})`;
  if (/offset|length|bounds|Invalid typed array/i.test(message))
    return `truncated or corrupt GLB (${message})`;
  return message;
}

/**
 * Loads every model of a site in parallel. Each failure is collected, named and explained,
 * never thrown: one bad model must not stop the rest of the site from rendering.
 * No decoders are configured, so nothing is ever fetched from a CDN.
 */
export async function loadModelLibrary(
  models: Record<string, ModelConfig>,
  baseUrl: string,
  onProgress: (progress: ModelLoadProgress) => void,
  signal?: AbortSignal,
): Promise<ModelLibrary> {
  const entries = Object.entries(models);
  const received = new Map<string, [number, number]>();
  let done = 0;
  const report = () => {
    let got = 0;
    let total = 0;
    for (const [r, t] of received.values()) {
      got += r;
      total += Math.max(t, r);
    }
    onProgress({
      done,
      total: entries.length,
      fraction: total > 0 ? got / total : done / Math.max(1, entries.length),
    });
  };
  const library: ModelLibrary = { models: new Map(), errors: [] };
  const loader = new GLTFLoader();
  await Promise.all(
    entries.map(async ([id, model]) => {
      let url = model.url;
      try {
        url = resolveSameOrigin(model.url, baseUrl, new URL(baseUrl).origin).href;
        const bytes = await fetchWithProgress(
          url,
          (r, t) => {
            received.set(id, [r, t]);
            report();
          },
          signal,
        );
        const resourcePath = url.slice(0, url.lastIndexOf('/') + 1);
        const gltf = await loader.parseAsync(bytes, resourcePath);
        const root = new Group();
        root.name = `model:${id}`;
        if (model.upAxis === 'z') root.rotation.x = -Math.PI / 2;
        root.scale.setScalar(model.scale);
        root.add(gltf.scene);
        root.updateMatrixWorld(true);
        library.models.set(id, { id, url, root });
      } catch (err) {
        if (signal?.aborted) throw err;
        // Reported with the URL as the config wrote it: that is what its author will look for.
        library.errors.push({ id, url: model.url, message: describeFailure(err) });
      } finally {
        done++;
        report();
      }
    }),
  );
  library.errors.sort((a, b) => a.id.localeCompare(b.id));
  return library;
}
