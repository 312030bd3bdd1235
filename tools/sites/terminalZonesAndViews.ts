import type { CameraViewInput, ZoneInput } from './configTypes';
import { rectPolygon, round3 } from './siteGeometry';
import type { Rect, TerminalLayout } from './terminalLayout';

/** Berths, the quay apron, every yard block and the gate. */
export function terminalZones(layout: TerminalLayout): ZoneInput[] {
  const { quay, land } = layout;
  const apron: Rect = { xMin: land.xMin, xMax: land.xMax, zMin: quay.edgeZ, zMax: quay.apronZMax };
  return [
    ...layout.berths.map((b, i) => ({
      id: b.id,
      name: { en: `Berth ${i + 1}`, 'zh-CN': `${i + 1} 号泊位` },
      kind: 'berth',
      polygon: rectPolygon(b.area),
    })),
    {
      id: 'quay-apron',
      name: { en: 'Quay apron', 'zh-CN': '码头前沿' },
      kind: 'apron',
      polygon: rectPolygon(apron),
    },
    ...layout.blocks.map((b) => ({
      id: `block-${b.id}`,
      name: { en: `Block ${b.id}`, 'zh-CN': `${b.id} 箱区` },
      kind: 'yardBlock',
      polygon: rectPolygon(b.footprint),
    })),
    {
      id: 'gate',
      name: { en: 'Gate', 'zh-CN': '闸口' },
      kind: 'gate',
      polygon: rectPolygon(layout.gate.rect),
    },
    ...trafficZones(layout),
  ];
}

/**
 * Where trucks drive and where boxes stand, for the simulator (docs/simulation.md): roads and the
 * apron links to them (`road`), the truck lanes under the quay cranes and along each block under
 * its RTG (`truckLane`), and each block's stacking area (`yardStack`).
 */
function trafficZones(layout: TerminalLayout): ZoneInput[] {
  const { quay, land } = layout;
  const zones: ZoneInput[] = layout.roads.map((road) => ({
    id: road.id,
    name: { en: roadName(road.id), 'zh-CN': roadNameZh(road.id) },
    kind: 'road',
    polygon: rectPolygon(road.rect),
  }));
  // Trucks cross the apron to the main road where the yard's north–south roads meet it.
  const mainRoad = layout.roads.find((r) => r.id === 'main-road');
  const links = layout.roads.filter((r) => r.axis === 'z');
  links.forEach((road, i) => {
    const x = (road.rect.xMin + road.rect.xMax) / 2;
    zones.push({
      id: `apron-link-${i + 1}`,
      name: { en: `Apron link ${i + 1}`, 'zh-CN': `前沿连接道 ${i + 1}` },
      kind: 'road',
      polygon: rectPolygon({
        xMin: x - 5,
        xMax: x + 5,
        zMin: quay.laneZ[0] ?? quay.edgeZ,
        zMax: (mainRoad?.rect.zMin ?? quay.apronZMax) + 2,
      }),
    });
  });
  quay.laneZ.forEach((z, i) =>
    zones.push({
      id: `quay-lane-${i + 1}`,
      name: { en: `Quay lane ${i + 1}`, 'zh-CN': `岸边车道 ${i + 1}` },
      kind: 'truckLane',
      polygon: rectPolygon({
        xMin: land.xMin,
        xMax: land.xMax,
        zMin: z - quay.laneWidth / 2,
        zMax: z + quay.laneWidth / 2,
      }),
    }),
  );
  for (const b of layout.blocks) {
    zones.push({
      id: `lane-${b.id}`,
      name: { en: `Block ${b.id} truck lane`, 'zh-CN': `${b.id} 箱区车道` },
      kind: 'truckLane',
      polygon: rectPolygon({
        xMin: b.footprint.xMin,
        xMax: b.footprint.xMax,
        zMin: b.truckLaneZ - 2,
        zMax: b.truckLaneZ + 2,
      }),
    });
    zones.push({
      id: `stack-${b.id}`,
      name: { en: `Block ${b.id} stacks`, 'zh-CN': `${b.id} 箱区堆存区` },
      kind: 'yardStack',
      polygon: rectPolygon(b.stack),
    });
  }
  return zones;
}

function roadName(id: string): string {
  return id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function roadNameZh(id: string): string {
  const n = id.match(/(\d+)$/)?.[1] ?? '';
  if (id === 'main-road') return '主干道';
  if (id === 'south-road') return '南侧道路';
  if (id === 'west-road') return '西侧道路';
  if (id === 'east-road') return '东侧道路';
  if (id.startsWith('cross-road')) return `纵向道路 ${n}`;
  return `堆场道路 ${n}`;
}

/** Viewpoints derived from the layout, so a generated site of any size gets sensible ones. */
export function terminalCameraViews(layout: TerminalLayout): CameraViewInput[] {
  const { land, quay } = layout;
  const gate = layout.gate.rect;
  const width = land.xMax - land.xMin;
  const depth = land.zMax - (quay.edgeZ - 64);
  const centerZ = (land.zMax + quay.edgeZ - 64) / 2;
  const size = Math.max(width, depth * 1.6);
  const firstBlock = layout.blocks[0];
  const berth = layout.berths[0];
  const views: CameraViewInput[] = [
    {
      id: 'overview',
      name: { en: 'Whole terminal', 'zh-CN': '码头全景' },
      position: [round3(size * 0.1), round3(size * 0.62), round3(centerZ + size * 0.62)],
      target: [0, 0, round3(centerZ)],
    },
    {
      id: 'quay',
      name: { en: 'Quay from the sea', 'zh-CN': '海侧看岸线' },
      position: [round3(quay.xMin + width * 0.15), 140, round3(quay.edgeZ - 330)],
      target: [round3(quay.xMin + width * 0.4), 20, round3(quay.edgeZ + 20)],
    },
  ];
  if (berth) {
    const x = (berth.xMin + berth.xMax) / 2;
    views.push({
      id: 'berth-1',
      name: { en: 'Berth 1 operations', 'zh-CN': '1 号泊位作业' },
      position: [round3(x + 170), 95, round3(quay.railLandsideZ + 120)],
      target: [round3(x), 18, round3(quay.edgeZ - 10)],
    });
  }
  if (firstBlock) {
    views.push({
      id: 'yard',
      name: { en: 'Yard blocks', 'zh-CN': '堆场' },
      position: [round3(firstBlock.x0 - 60), 90, round3(firstBlock.z0 - 70)],
      target: [round3(firstBlock.x0 + 110), 0, round3(firstBlock.z0 + 60)],
    });
  }
  views.push({
    id: 'gate',
    name: { en: 'Gate', 'zh-CN': '闸口' },
    position: [round3(gate.xMax + 32), 24, round3(gate.zMax + 18)],
    target: [round3((gate.xMin + gate.xMax) / 2), 0, round3((gate.zMin + gate.zMax) / 2)],
  });
  return views;
}
