import type { Document } from '@gltf-transform/core';
import { mulberry32, pick, randomInt, type Random } from '../sites/mulberry32';
import { MeshBuilder, type Rgb } from './meshBuilder';
import { ModelDocument } from './modelDocument';
import { CONTAINER, VESSEL } from './modelDimensions';
import { srgbHexToLinear, type MaterialKey } from './palette';
import type { Vec3 } from './vec3';

const HALF_LENGTH = VESSEL.length / 2;
const HALF_BEAM = VESSEL.beam / 2;
const KEEL = -VESSEL.draft;
/** Bilge radius at midships: flat bottom out to HALF_BEAM - BILGE. */
const BILGE = 2.5;
const PARALLEL_AFT = -70;
const PARALLEL_FWD = 60;
const BAY_PITCH = 13;
const HATCH_HEIGHT = 2;
/** Cargo stops short of the forecastle breakwater. */
const CARGO_FORWARD_LIMIT = 130.5;
/** Cargo colours of the lines whose boxes a Far East–Europe ship carries. */
const CARGO_COLORS = [
  '#c9a646',
  '#3a9bd1',
  '#2f6fb3',
  '#1f3f8a',
  '#2f7d3a',
  '#e8641b',
  '#c2185b',
  '#8e969e',
  '#8a3324',
  '#d9d6cf',
];

/**
 * Container ship, ~300 m LOA and 48 m beam: lofted hull (navy topsides over red antifouling split
 * exactly at the waterline), bulbous bow, deckhouse with bridge wings, funnel, hatch covers and
 * deck cargo as coloured blocks per bay. Origin on the centreline at the waterline midships.
 */
export function buildVessel(): Document {
  const model = new ModelDocument('Vessel');
  const m = new MeshBuilder<MaterialKey>();
  addHull(m);
  addBulbousBow(m);
  addSuperstructure(m);
  addCargo(m, mulberry32(0x5e55e1));
  model.addMeshNode('hull', m);
  return model.document;
}

const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Fraction (0 → 1) of the way from the parallel midbody to the bow or stern. */
const bowness = (x: number): number =>
  Math.max(0, (x - PARALLEL_FWD) / (HALF_LENGTH - PARALLEL_FWD));
const sternness = (x: number): number =>
  Math.max(0, (PARALLEL_AFT - x) / (PARALLEL_AFT + HALF_LENGTH));

/** Main deck height: sheer rises to the forecastle. */
const deckHeight = (x: number): number =>
  10.5 + 3.2 * smoothstep(105, HALF_LENGTH, x) + 0.6 * smoothstep(-120, -HALF_LENGTH, x);
/** Keel line rises towards the immersed transom. */
const keelHeight = (x: number): number => KEEL + 13 * smoothstep(-95, -HALF_LENGTH, x);

/** Half-breadth at the deck edge. */
function deckHalfBreadth(x: number): number {
  const b = bowness(x);
  const s = sternness(x);
  return Math.max(0.35, HALF_BEAM * (1 - Math.pow(b, 2.6)) * (1 - 0.22 * s * s));
}

function waterlineHalfBreadth(x: number): number {
  const b = bowness(x);
  const s = sternness(x);
  return Math.max(0.25, HALF_BEAM * (1 - Math.pow(b, 1.8)) * (1 - 0.35 * s * s));
}

function bottomHalfBreadth(x: number): number {
  const flat = HALF_BEAM - BILGE;
  return flat * Math.pow(1 - bowness(x), 1.6) * Math.pow(1 - sternness(x), 1.3);
}

/** Section fullness: boxy midships (large), V-shaped at the ends (small). */
const fullness = (x: number): number =>
  8 - 6.4 * Math.max(Math.pow(bowness(x), 0.7), Math.pow(sternness(x), 0.8));

/** Starboard half of a section at x, deck edge first, down to the flat of bottom. */
function sectionStarboard(x: number): [number, number][] {
  const deck = deckHeight(x);
  const keel = keelHeight(x);
  const hbDeck = deckHalfBreadth(x);
  const hbWl = waterlineHalfBreadth(x);
  const hbBottom = bottomHalfBreadth(x);
  const k = fullness(x);
  const points: [number, number][] = [
    [hbDeck, deck],
    [hbWl + (hbDeck - hbWl) * Math.pow(0.5, 1.5), deck * 0.5],
    [hbWl, 0],
  ];
  for (const t of [0.6, 0.3, 0.12, 0.04, 0]) {
    const f = 1 - Math.pow(1 - t, k);
    points.push([hbBottom + (hbWl - hbBottom) * f, keel * (1 - t)]);
  }
  return points;
}

/** Bow and stern rake: the stem leans forward and the transom aft, more towards the deck. */
function rakedX(x: number, y: number): number {
  const h = (y - keelHeight(x)) / (deckHeight(x) - keelHeight(x));
  return (
    x + 5 * smoothstep(125, HALF_LENGTH, x) * h * h - 2.5 * smoothstep(-130, -HALF_LENGTH, x) * h
  );
}

function sectionRing(x: number): Vec3[] {
  const starboard = sectionStarboard(x);
  const ring: Vec3[] = starboard.map(([z, y]) => [rakedX(x, y), y, z]);
  ring.push([rakedX(x, keelHeight(x)), keelHeight(x), 0]);
  for (let i = starboard.length - 1; i >= 0; i--) {
    const [z, y] = starboard[i] as [number, number];
    ring.push([rakedX(x, y), y, -z]);
  }
  return ring;
}

function addHull(m: MeshBuilder<MaterialKey>): void {
  const stations = [
    -150,
    -148,
    -145,
    -141,
    -136,
    -129,
    -120,
    -108,
    -95,
    -82,
    -70,
    PARALLEL_FWD,
    72,
    84,
    95,
    105,
    114,
    122,
    129,
    135,
    140,
    144,
    147,
    149,
    150,
  ];
  const rings = stations.map(sectionRing);
  const materialOf = (c: Vec3): MaterialKey => {
    if (c[1] < 0) return 'antifouling';
    if (c[1] > deckHeight(c[0]) - 0.5) return 'deckGreen';
    return 'hullNavy';
  };
  const insideOf = (i: number): Vec3 => {
    const x = ((stations[i] ?? 0) + (stations[i + 1] ?? 0)) / 2;
    return [x, (keelHeight(x) + deckHeight(x)) / 2, 0];
  };
  m.loft(materialOf, rings, insideOf);
  const transom = rings[0] as Vec3[];
  m.polygonOutward('hullNavy', transom, [-140, 0, 0]);
  m.polygonOutward('hullNavy', rings[rings.length - 1] as Vec3[], [140, -5, 0]);
  // Rudder under the stern overhang.
  m.box(
    'antifouling',
    [-HALF_LENGTH + 4, -11, -0.5],
    [-HALF_LENGTH + 7.5, keelHeight(-HALF_LENGTH + 4) + 0.3, 0.5],
  );
}

function addBulbousBow(m: MeshBuilder<MaterialKey>): void {
  const centerY = -9.5;
  const sections: ReadonlyArray<readonly [number, number, number]> = [
    [136, 3.6, 3.9],
    [143, 3.7, 4.0],
    [148, 3.2, 3.6],
    [151.5, 2.4, 2.8],
    [153.5, 1.4, 1.7],
    [154.4, 0.3, 0.4],
  ];
  const segments = 10;
  const rings = sections.map(([x, rz, ry]) =>
    Array.from({ length: segments }, (_, k): Vec3 => {
      const t = (k / segments) * Math.PI * 2;
      return [x, centerY + ry * Math.sin(t), rz * Math.cos(t)];
    }),
  );
  m.loft(
    () => 'antifouling',
    rings,
    (i) => [(sections[i]?.[0] ?? 0) + 0.5, centerY, 0],
  );
  m.polygonOutward('antifouling', rings[rings.length - 1] as Vec3[], [150, centerY, 0]);
}

function addSuperstructure(m: MeshBuilder<MaterialKey>): void {
  const white: MaterialKey = 'superstructure';
  const deck = deckHeight(-105);
  // Accommodation block with a glazed band on each tier, the bridge with wings across the beam.
  m.box(white, [-112, deck, -14], [-99, 36, 14]);
  for (let y = deck + 3; y < 35; y += 2.8) m.box('hullNavy', [-99, y, -12], [-98.9, y + 1, 12]);
  m.box(white, [-111, 36, -HALF_BEAM], [-100, 39.5, HALF_BEAM]);
  m.box('hullNavy', [-100, 37.4, -HALF_BEAM + 0.5], [-99.9, 38.9, HALF_BEAM - 0.5]);
  m.box(white, [-109, 39.5, -5], [-103, 40.5, 5]);
  m.box(white, [-106.3, 40.5, -0.3], [-105.7, 47, 0.3]);
  m.box(white, [-106.5, 45, -3], [-105.5, 45.4, 3]);
  // Funnel aft of the deckhouse, raked aft, with a black top.
  const fDeck = deckHeight(-122);
  m.prism(
    white,
    [
      [-127, fDeck],
      [-116.5, fDeck],
      [-118, 41],
      [-128.5, 41],
    ],
    'xy',
    -5,
    5,
  );
  m.prism(
    'hullNavy',
    [
      [-128.5, 41],
      [-118, 41],
      [-118.2, 43],
      [-128.7, 43],
    ],
    'xy',
    -5,
    5,
  );
  // Breakwater on the forecastle and the foremast.
  const breakwaterX = 131;
  const fcDeck = deckHeight(breakwaterX);
  const hb = deckHalfBreadth(breakwaterX) - 0.5;
  m.box(white, [breakwaterX, fcDeck - 1, -hb], [breakwaterX + 0.6, fcDeck + 3.5, hb]);
  m.box(white, [143, deckHeight(143) - 0.5, -0.4], [143.8, deckHeight(143) + 12, 0.4]);
}

/** Bays forward of the deckhouse and one aft of the funnel, each a hatch cover with stacks on it. */
function addCargo(m: MeshBuilder<MaterialKey>, random: Random): void {
  const bays: number[] = [-143.5];
  for (let x = -96; x + 12.2 < CARGO_FORWARD_LIMIT; x += BAY_PITCH) bays.push(x);
  const colors: Rgb[] = CARGO_COLORS.map(srgbHexToLinear);
  for (const x0 of bays) {
    const x1 = x0 + 12.2;
    const halfWidth = Math.min(
      HALF_BEAM - 0.8,
      Math.min(deckHalfBreadth(x0), deckHalfBreadth(x1)) - 0.8,
    );
    const hatchBase = Math.min(deckHeight(x0), deckHeight(x1)) - 0.3;
    const hatchTop = Math.max(deckHeight(x0), deckHeight(x1)) + HATCH_HEIGHT;
    m.box('deckGreen', [x0, hatchBase, -(halfWidth - 1.5)], [x1, hatchTop, halfWidth - 1.5]);
    // A lashing bridge aft of every bay forward of the deckhouse.
    if (x0 > -100)
      m.box(
        'deckGreen',
        [x0 - 0.7, hatchTop - 0.5, -halfWidth],
        [x0 - 0.2, hatchTop + 2.6, halfWidth],
      );
    // Some bays are already discharged: the ship is mid-call.
    if (random() < 0.18) continue;
    const rows = Math.floor((2 * halfWidth) / 2.44);
    // Stowage keeps a bay roughly level; groups of rows differ by a tier or so.
    const bayTiers = randomInt(random, 3, 6);
    let row = 0;
    while (row < rows) {
      const groupRows = Math.min(rows - row, randomInt(random, 2, 4));
      const z0 = -rows * 1.22 + row * 2.44 + 0.08;
      const z1 = z0 + groupRows * 2.44 - 0.16;
      const tiers = Math.max(1, Math.min(7, bayTiers + randomInt(random, -1, 1)));
      let tier = 0;
      while (tier < tiers) {
        const layer = Math.min(tiers - tier, randomInt(random, 1, 3));
        const y0 = hatchTop + tier * CONTAINER.height;
        m.setColor(pick(random, colors)).box(
          'cargo',
          [x0, y0 + 0.04, z0],
          [x1, y0 + layer * CONTAINER.height - 0.04, z1],
        );
        tier += layer;
      }
      row += groupRows;
    }
  }
  m.setColor([1, 1, 1]);
}
