import { z } from 'zod';
import { Wall } from './wall';
import { Tour } from './tours';
import { AssetTable } from './assetTable';
import { Binding, BrokerConfig } from './binding';
import { Rule } from './rules';
import { Kpi } from './kpis';
import {
  DEFAULT_HEADING_DEG,
  fieldValue,
  finite,
  id,
  LocalizedText,
  vec2,
  vec3,
} from './primitives';
import { PlanRef } from './plan';

/**
 * Twin config format, version 1 — the one file that describes a site.
 * Coordinates are site metres in three.js convention: x east, y up, z south (north is -z).
 * Documented for users in docs/twin-config.md; JSON Schema exported to twin-configs/schema.json.
 */
export const SCHEMA_VERSION = 1;

export { LocalizedText } from './primitives';

export const GeoOrigin = z
  .object({
    lat: finite.min(-90).max(90).describe('latitude of the site origin, degrees'),
    lon: finite.min(-180).max(180).describe('longitude of the site origin, degrees'),
    alt: finite.default(0).describe('altitude of the origin, metres'),
  })
  .strict();

export const Site = z
  .object({
    id,
    name: LocalizedText,
    kind: z.enum(['terminal', 'factory', 'plant', 'other']).default('other'),
    geoOrigin: GeoOrigin,
    timeZone: z.string().default('UTC').describe('IANA time zone for wall-clock display'),
    description: LocalizedText.optional(),
  })
  .strict();

export const ModelRef = z
  .object({
    url: z.string().min(1).describe('glTF/GLB URL, relative to this config file'),
    scale: finite.positive().default(1),
    upAxis: z.enum(['y', 'z']).default('y').describe('CAD exports are often z-up'),
  })
  .strict();

/** A named node of a model moved by an asset field: value = clamp(field * scale + offset). */
export const Articulation = z
  .object({
    node: z.string().min(1).describe('name of the node in the model'),
    field: z.string().min(1).describe('asset field that drives it'),
    kind: z.enum(['translate', 'rotate']).default('translate'),
    axis: z.enum(['x', 'y', 'z']),
    scale: finite.default(1).describe('metres (or degrees) per field unit'),
    offset: finite.default(0),
    min: finite.optional(),
    max: finite.optional(),
  })
  .strict();

export const FieldDef = z
  .object({
    label: LocalizedText.optional(),
    unit: z.string().max(32).optional(),
    default: fieldValue.optional(),
  })
  .strict();

export const AssetType = z
  .object({
    name: LocalizedText,
    category: z
      .string()
      .min(1)
      .describe(
        'what kind of thing: quayCrane, yardCrane, truck, vessel, container, sewingMachine, agv, robot, …',
      ),
    model: id
      .optional()
      .describe('model id drawn once per asset; omit when assets bind to site-model nodes'),
    parts: z.record(z.string(), Articulation).default({}).describe('articulated parts by name'),
    fields: z.record(z.string(), FieldDef).default({}),
    colorBy: z
      .object({
        field: z.string(),
        colors: z.record(z.string(), z.string()),
        fallback: z.string().optional(),
      })
      .strict()
      .optional()
      .describe('tint each asset by the value of a field (e.g. container owner)'),
    label: z.boolean().default(true).describe('show a name label when labels are on'),
    virtual: z
      .boolean()
      .default(false)
      .describe('not drawn (a 5G gateway, a software system): needs no model, pose or node'),
  })
  .strict();

export const Pose = z
  .object({
    position: vec3,
    headingDeg: finite
      .default(DEFAULT_HEADING_DEG)
      .describe('compass heading of the model +x axis: 0 north, 90 east'),
    pitchDeg: finite.default(0),
    rollDeg: finite.default(0),
  })
  .strict();

export const Asset = z
  .object({
    id,
    type: id,
    name: LocalizedText.optional(),
    zone: id.optional(),
    pose: Pose.optional().describe('required unless the asset binds to a site-model node'),
    node: z
      .string()
      .min(1)
      .optional()
      .describe('name of a node in the site model that is this asset'),
    fields: z.record(z.string(), fieldValue).default({}),
  })
  .strict();

export const Zone = z
  .object({
    id,
    name: LocalizedText,
    kind: z.string().default('area'),
    polygon: z.array(vec2).min(3).describe('outline in the ground plane, [x, z] pairs'),
  })
  .strict();

export const CameraView = z
  .object({ id, name: LocalizedText, position: vec3, target: vec3 })
  .strict();

/** Static models that are not assets: ground, buildings, a CAD plant model. */
export const Scenery = z
  .object({
    model: id,
    position: vec3.default([0, 0, 0]),
    headingDeg: finite.default(90),
    siteModel: z.boolean().default(false).describe('assets may bind to named nodes of this model'),
  })
  .strict();

export const TwinConfig = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    site: Site,
    models: z.record(id, ModelRef),
    scenery: z.array(Scenery).default([]),
    assetTypes: z.record(id, AssetType),
    assets: z.array(Asset).default([]),
    assetTables: z
      .array(AssetTable)
      .default([])
      .describe('many assets of one type as rows: thousands of containers, racks, bins'),
    zones: z.array(Zone).default([]),
    cameraViews: z.array(CameraView).default([]),
    bindings: z.array(Binding).default([]).describe('topics → asset state (docs/topics.md)'),
    rules: z.array(Rule).default([]).describe('graded alarms (docs/rules.md)'),
    kpis: z.array(Kpi).default([]).describe('KPIs to show and their targets (docs/kpis.md)'),
    broker: BrokerConfig.optional().describe('default MQTT broker for live mode'),
    plans: z
      .array(PlanRef)
      .default([])
      .describe('plans of the site for preview and plan-vs-actual (docs/plans.md)'),
    wall: Wall.prefault({}).describe('the control-room wall screen (docs/wall.md)'),
    tours: z.array(Tour).default([]).describe('guided tours for trainers (docs/tours.md)'),
  })
  .strict();

/** A loaded config: the rows of `assetTables` are in `assets` (see expandAssetTables). */
export type TwinConfig = Omit<z.infer<typeof TwinConfig>, 'assetTables'>;
export type TwinConfigInput = z.input<typeof TwinConfig>;
export type AssetConfig = z.infer<typeof Asset>;
export type AssetTypeConfig = z.infer<typeof AssetType>;
export type ArticulationConfig = z.infer<typeof Articulation>;
export type ModelConfig = z.infer<typeof ModelRef>;
export type CameraViewConfig = z.infer<typeof CameraView>;
export type ZoneConfig = z.infer<typeof Zone>;
export type SceneryConfig = z.infer<typeof Scenery>;
export type LocalizedTextValue = z.infer<typeof LocalizedText>;
export type FieldValue = z.infer<typeof fieldValue>;
