import {
  Box3,
  BoxGeometry,
  Color,
  Group,
  Mesh,
  MeshStandardMaterial,
  type Object3D,
  Texture,
  Vector3,
} from 'three';
import type { AssetTypeConfig, TwinConfig } from '../config/schema';
import type { AssetState } from '../twin/assetState';
import { headingToYaw } from '../lib/geo';
import { buildRig, hasFarDetail } from './buildRig';

/**
 * An asset switches to its far stand-in beyond this many bounding radii from the camera: at
 * 45° field of view it then spans under ~5% of the view height, where the detail is invisible.
 */
const FAR_DISTANCE_PER_RADIUS = 18;
import type { ModelLibrary } from './loadModelLibrary';
import type { Rig } from './rig';

/** All assets of one type, drawn as one InstancedMesh per draw group of the type's rig. */
export interface InstancedType {
  typeId: string;
  type: AssetTypeConfig;
  rig: Rig;
  /** Stand-in drawn beyond `farDistance` from the camera, when the model has one. */
  far: Rig | null;
  /** Camera distance (m) beyond which an asset is drawn with `far`. */
  farDistance: number;
  assets: AssetState[];
  /** Linear RGB per asset (3 floats each): the colour an asset shows when not highlighted. */
  baseColors: Float32Array;
}

/** An asset that is a named node inside a site model (how CAD-exported plants arrive). */
export interface NodeBoundAsset {
  asset: AssetState;
  type: AssetTypeConfig;
  object: Object3D;
}

/** Something in the config that could not be drawn as asked; shown to the user. */
export interface SiteBuildIssue {
  subject: string;
  message: string;
}

/** The scene graph of a site, ready to mount. */
export interface BuiltSite {
  instanced: InstancedType[];
  nodeBound: NodeBoundAsset[];
  scenery: Object3D[];
  /** The scenery object whose named nodes assets bind to, if any. */
  siteModel: Object3D | null;
  issues: SiteBuildIssue[];
  /** Bounds of scenery and assets, for "fit site". */
  bounds: Box3;
  triangles: number;
  dispose(): void;
}

/** Stands in for a model that failed to load, so the asset is still there and clickable. */
function placeholderModel(): Object3D {
  const root = new Group();
  root.name = 'placeholder';
  const mesh = new Mesh(
    new BoxGeometry(4, 4, 4).translate(0, 2, 0),
    new MeshStandardMaterial({ color: 0x9aa3ad, roughness: 0.9, transparent: true, opacity: 0.75 }),
  );
  root.add(mesh);
  return root;
}

function baseColors(type: AssetTypeConfig, assets: AssetState[]): Float32Array {
  const out = new Float32Array(assets.length * 3).fill(1);
  const colorBy = type.colorBy;
  if (!colorBy) return out;
  const palette = new Map<string, Color>();
  for (const [value, css] of Object.entries(colorBy.colors)) palette.set(value, new Color(css));
  const fallback = new Color(colorBy.fallback ?? '#ffffff');
  assets.forEach((asset, i) => {
    const c = palette.get(String(asset.fields[colorBy.field])) ?? fallback;
    out[i * 3] = c.r;
    out[i * 3 + 1] = c.g;
    out[i * 3 + 2] = c.b;
  });
  return out;
}

/** Turns a validated config, its loaded models and the twin's assets into scene content. */
export function buildSite(
  config: TwinConfig,
  library: ModelLibrary,
  assets: readonly AssetState[],
): BuiltSite {
  const issues: SiteBuildIssue[] = [];
  const disposables: Array<{ dispose(): void }> = [];
  const scenery: Object3D[] = [];
  let siteModel: Object3D | null = null;
  const usedModels = new Set<string>();
  for (const entry of config.scenery) {
    const loaded = library.models.get(entry.model);
    const source = loaded ? loaded.root : placeholderModel();
    // A model placed twice needs its own object; materials and geometry stay shared.
    const object = usedModels.has(entry.model) ? source.clone() : source;
    usedModels.add(entry.model);
    const holder = new Group();
    holder.name = `scenery:${entry.model}`;
    holder.position.fromArray(entry.position);
    holder.rotation.y = headingToYaw(entry.headingDeg);
    holder.add(object);
    holder.updateMatrixWorld(true);
    scenery.push(holder);
    if (entry.siteModel) siteModel = holder;
  }

  const byType = new Map<string, AssetState[]>();
  const nodeBound: NodeBoundAsset[] = [];
  for (const asset of assets) {
    const type = config.assetTypes[asset.type];
    if (!type || type.virtual) continue;
    if (asset.node !== undefined) {
      const object = siteModel?.getObjectByName(asset.node);
      if (!object) {
        issues.push({
          subject: asset.id,
          message: `node "${asset.node}" not found in the site model`,
        });
        continue;
      }
      object.getWorldPosition(new Vector3()).toArray(asset.position);
      nodeBound.push({ asset, type, object });
      continue;
    }
    const list = byType.get(asset.type) ?? [];
    list.push(asset);
    byType.set(asset.type, list);
  }

  const instanced: InstancedType[] = [];
  let triangles = 0;
  for (const [typeId, typeAssets] of byType) {
    const type = config.assetTypes[typeId];
    if (!type || type.model === undefined) continue;
    const loaded = library.models.get(type.model);
    const rig = buildRig(loaded ? loaded.root : placeholderModel(), loaded ? type.parts : {});
    const far = loaded && hasFarDetail(loaded.root) ? buildRig(loaded.root, {}, 'far') : null;
    if (far) disposables.push(...far.groups.map((g) => g.geometry), ...far.ownMaterials);
    for (const part of rig.missingParts) {
      issues.push({
        subject: `${typeId}.parts.${part}`,
        message: `node "${type.parts[part]?.node}" not found in model "${type.model}"`,
      });
    }
    disposables.push(...rig.groups.map((g) => g.geometry), ...rig.ownMaterials);
    triangles += rig.triangles * typeAssets.length;
    instanced.push({
      typeId,
      type,
      rig,
      far,
      farDistance: rig.radius * FAR_DISTANCE_PER_RADIUS,
      assets: typeAssets,
      baseColors: baseColors(type, typeAssets),
    });
  }

  const bounds = new Box3();
  for (const s of scenery) bounds.expandByObject(s);
  const p = new Vector3();
  for (const asset of assets) bounds.expandByPoint(p.fromArray(asset.position));

  return {
    instanced,
    nodeBound,
    scenery,
    siteModel,
    issues,
    bounds,
    triangles,
    dispose() {
      for (const d of disposables) d.dispose();
      for (const s of scenery) disposeObject(s);
      for (const m of library.models.values()) disposeObject(m.root);
    },
  };
}

/** Frees GPU memory held by an object tree (geometries, materials, textures). */
export function disposeObject(root: Object3D): void {
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    o.geometry.dispose();
    const materials = Array.isArray(o.material) ? o.material : [o.material];
    for (const m of materials) {
      for (const value of Object.values(m)) {
        if (value instanceof Texture) value.dispose();
      }
      m.dispose();
    }
  });
}
