import type { Rgb } from './meshBuilder';

/** A PBR metallic-roughness material as authored: colour in sRGB hex, converted to linear on export. */
export interface MaterialSpec {
  /** Material name in the glTF, readable in a viewer's material list. */
  name: string;
  /** Base colour as `#rrggbb` in sRGB (what a designer picks); glTF wants linear factors. */
  color: string;
  metallic: number;
  roughness: number;
  /** Multiply the base colour by per-vertex COLOR_0 (used for the vessel's mixed cargo). */
  vertexColors?: boolean;
  /** For thin single-layer geometry seen from both sides. */
  doubleSided?: boolean;
}

/** sRGB hex → linear RGB, because glTF baseColorFactor is linear. */
export function srgbHexToLinear(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const channel = (h: string | undefined): number => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return [channel(m[1]), channel(m[2]), channel(m[3])];
}

/** Rounds a linear colour so the exported factors are short and stable. */
export function roundColor(c: Rgb): Rgb {
  const r = (x: number): number => Math.round(x * 10000) / 10000;
  return [r(c[0]), r(c[1]), r(c[2])];
}

/**
 * Every material used by the generated models. Colours follow the real equipment: STS cranes in
 * the blue/white common in Chinese terminals, RTGs in safety yellow, tractors in orange, hulls in
 * dark navy over red antifouling.
 */
export const PALETTE = {
  craneBlue: { name: 'PaintedSteel_CraneBlue', color: '#3b7fc4', metallic: 0.35, roughness: 0.55 },
  craneWhite: { name: 'PaintedSteel_White', color: '#e4e6e8', metallic: 0.2, roughness: 0.55 },
  rtgYellow: {
    name: 'PaintedSteel_SafetyYellow',
    color: '#e8b21a',
    metallic: 0.3,
    roughness: 0.55,
  },
  machinery: { name: 'Machinery_DarkGrey', color: '#34383d', metallic: 0.6, roughness: 0.5 },
  rubber: { name: 'Rubber_Black', color: '#1b1c1e', metallic: 0, roughness: 0.9 },
  glass: { name: 'Glass_Tinted', color: '#1e2a33', metallic: 0.1, roughness: 0.15 },
  tractorOrange: { name: 'Paint_TractorOrange', color: '#e2661d', metallic: 0.2, roughness: 0.45 },
  chassisGrey: { name: 'Steel_ChassisGrey', color: '#4a4f55', metallic: 0.5, roughness: 0.6 },
  hullNavy: { name: 'Hull_Topsides', color: '#1f2a3c', metallic: 0.3, roughness: 0.6 },
  antifouling: { name: 'Hull_Antifouling', color: '#8e2a22', metallic: 0.1, roughness: 0.75 },
  superstructure: { name: 'Superstructure_White', color: '#e8e8e3', metallic: 0.1, roughness: 0.6 },
  deckGreen: { name: 'Deck_HatchGreen', color: '#45594b', metallic: 0.3, roughness: 0.7 },
  cargo: {
    name: 'Cargo_VertexColoured',
    color: '#ffffff',
    metallic: 0.3,
    roughness: 0.6,
    vertexColors: true,
  },
  containerWhite: { name: 'Container_TintBase', color: '#f2f2f0', metallic: 0.3, roughness: 0.55 },
  // Rough enough that the sun makes no glare blob across a whole-terminal view.
  water: { name: 'Water', color: '#1d4a63', metallic: 0, roughness: 0.7 },
  concrete: { name: 'Concrete', color: '#a9a7a1', metallic: 0, roughness: 0.9 },
  asphalt: { name: 'Asphalt', color: '#4b4d50', metallic: 0, roughness: 0.95 },
  markingWhite: { name: 'Marking_White', color: '#ecebe6', metallic: 0, roughness: 0.8 },
  markingYellow: { name: 'Marking_Yellow', color: '#e9c02a', metallic: 0, roughness: 0.8 },
  railSteel: { name: 'Steel_Dark', color: '#2c2e31', metallic: 0.7, roughness: 0.45 },
  floorGrey: { name: 'Floor_EpoxyGrey', color: '#9ea3a6', metallic: 0, roughness: 0.55 },
  floorGreen: { name: 'Floor_EpoxyGreen', color: '#4f8a69', metallic: 0, roughness: 0.5 },
  floorBlue: { name: 'Floor_EpoxyBlue', color: '#5a7fa3', metallic: 0, roughness: 0.5 },
  wallPanel: { name: 'Wall_Panel', color: '#d9dcdf', metallic: 0.1, roughness: 0.7 },
  columnSteel: { name: 'Steel_ColumnBlueGrey', color: '#6c7a89', metallic: 0.4, roughness: 0.55 },
  laminate: { name: 'Table_Laminate', color: '#d8cdb8', metallic: 0, roughness: 0.6 },
  machineWhite: { name: 'Machine_Enamel', color: '#ecece6', metallic: 0.1, roughness: 0.35 },
  metal: { name: 'Steel_Bright', color: '#b8bcc0', metallic: 0.9, roughness: 0.3 },
  agvYellow: { name: 'Paint_AgvYellow', color: '#f0b323', metallic: 0.1, roughness: 0.45 },
  fabricNavy: { name: 'Fabric_SuitNavy', color: '#2b3550', metallic: 0, roughness: 0.95 },
  robotWhite: { name: 'Robot_Shell', color: '#f0f1f2', metallic: 0.1, roughness: 0.4 },
  rackOrange: { name: 'Rack_BeamOrange', color: '#e0671f', metallic: 0.3, roughness: 0.5 },
  rackBlue: { name: 'Rack_UprightBlue', color: '#2c5a9a', metallic: 0.3, roughness: 0.5 },
  cardboard: { name: 'Cardboard', color: '#b48a5a', metallic: 0, roughness: 0.9 },
} as const satisfies Record<string, MaterialSpec>;

/** Key of a material in the palette. */
export type MaterialKey = keyof typeof PALETTE;
