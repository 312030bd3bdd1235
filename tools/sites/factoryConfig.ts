import type { TwinConfigInput } from '../../src/config/schema';
import type { FactoryLayout, SewingLine } from './factoryLayout';
import { gatewayAsset, gatewayAssetType, gatewayField } from './gatewayAssets';
import { mulberry32, pickWeighted, randomInt, type Random } from './mulberry32';
import { JACKET_OPERATIONS, TROUSER_OPERATIONS, type SewingOperation } from './sewingOperations';
import { rectPolygon, round3 } from './siteGeometry';
import { siteBindings } from './siteBindings';
import { factoryRules } from './factoryRules';

type AssetInput = NonNullable<TwinConfigInput['assets']>[number];

/** What to put on the factory layout. */
export interface FactorySiteSpec {
  modelBaseUrl: string;
  schemaRef?: string;
  seed: number;
}

/** Lines 1–4 sew jackets, the rest trousers (a suit factory balances both). */
const JACKET_LINES = 4;
const STATION_STATUS = ['running', 'idle', 'fault', 'offline'] as const;
const STATION_STATUS_WEIGHTS = [82, 12, 3, 3];

/** The apparel factory twin config for a layout; deterministic for a given seed. */
export function buildFactoryConfig(layout: FactoryLayout, spec: FactorySiteSpec): TwinConfigInput {
  const random = mulberry32(spec.seed);
  const model = (file: string): { url: string } => ({ url: `${spec.modelBaseUrl}${file}` });
  const assets: AssetInput[] = [
    ...layout.sewingLines.flatMap((line, i) => sewingStations(line, i, random)),
    ...agvs(layout, random),
    ...inspectionRobots(layout),
    ...layout.equipment.map((item): AssetInput => {
      const index = item.node.split('-').pop() ?? '';
      if (item.kind === 'cuttingTable')
        return {
          id: item.node,
          type: 'cuttingTable',
          name: { en: `Cutting table ${index}`, 'zh-CN': `${index} 号裁床` },
          zone: 'cutting',
          node: item.node,
          fields: {
            status: 'running',
            gateway: CUTTING_FINISHING_GATEWAY,
            plies: randomInt(random, 40, 90),
            order: `SO-2411-0${randomInt(random, 60, 99)}`,
          },
        };
      if (item.kind === 'press')
        return {
          id: item.node,
          type: 'press',
          name: { en: `Steam press ${index}`, 'zh-CN': `${index} 号整烫机` },
          zone: 'finishing',
          node: item.node,
          fields: {
            status: 'running',
            gateway: CUTTING_FINISHING_GATEWAY,
            steamTemp: randomInt(random, 150, 165),
            pieces: randomInt(random, 80, 260),
          },
        };
      return {
        id: item.node,
        type: 'rack',
        name: { en: `Rack ${index}`, 'zh-CN': `${index} 货架` },
        zone: 'warehouse',
        node: item.node,
        fields: { occupancy: randomInt(random, 55, 95) },
      };
    }),
  ];
  assets.push(...factoryGateways(layout, assets));
  return {
    ...(spec.schemaRef ? { $schema: spec.schemaRef } : {}),
    schemaVersion: 1,
    site: {
      id: 'factory',
      name: { en: 'Apparel Factory', 'zh-CN': '服装工厂' },
      kind: 'factory',
      geoOrigin: { lat: 29.87, lon: 121.55, alt: 0 },
      timeZone: 'Asia/Shanghai',
      description: {
        en: 'Suit factory: fabric warehouse, automatic cutting, six sewing lines, pressing and finishing.',
        'zh-CN': '西服工厂：面料仓库、自动裁剪、六条缝制线、整烫与后整理。',
      },
    },
    models: {
      factoryHall: model('factory-hall.glb'),
      sewingStation: model('sewing-station.glb'),
      agv: model('agv.glb'),
      inspectionRobot: model('inspection-robot.glb'),
    },
    scenery: [{ model: 'factoryHall', position: [0, 0, 0], headingDeg: 90, siteModel: true }],
    // The broker the app is served beside: `npm start` proxies /mqtt to its own.
    broker: { url: '/mqtt' },
    assetTypes: factoryAssetTypes(),
    assets,
    zones: [
      ...aisleZones(layout),
      ...layout.areas.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        polygon: rectPolygon(a.rect),
      })),
      ...layout.sewingLines.map((l, i) => ({
        id: `line-${l.id}`,
        name: { en: `Sewing line ${i + 1}`, 'zh-CN': `${i + 1} 号缝制线` },
        kind: 'sewingLine',
        polygon: rectPolygon(l.area),
      })),
    ],
    cameraViews: [
      {
        id: 'overview',
        name: { en: 'Whole floor', 'zh-CN': '车间全景' },
        position: [0, 105, 92],
        target: [0, 0, 4],
      },
      {
        id: 'sewing',
        name: { en: 'Sewing lines', 'zh-CN': '缝制线' },
        position: [6, 26, 40],
        target: [6, 0, 0],
      },
      {
        id: 'cutting',
        name: { en: 'Cutting room', 'zh-CN': '裁剪区' },
        position: [-36, 18, 24],
        target: [-36, 0, -3],
      },
      {
        id: 'finishing',
        name: { en: 'Pressing and finishing', 'zh-CN': '整烫后整理' },
        position: [54, 16, 22],
        target: [54, 0, -3],
      },
      {
        id: 'warehouse',
        name: { en: 'Fabric warehouse', 'zh-CN': '面料仓库' },
        position: [-44, 16, 26],
        target: [-60, 2, 0],
      },
    ],
    bindings: siteBindings('factory', factoryAssetTypes()),
    rules: factoryRules(),
    kpis: [
      { id: 'lineOutputPerHour', target: 180 },
      { id: 'lineEfficiency', target: 60 },
      { id: 'machineUtilisation', target: 40 },
      { id: 'bottleneckUtilisation', tile: false },
      { id: 'agvUtilisation' },
    ],
    // The floor's wall screen: every view in turn, 15 s each (a factory floor is smaller).
    wall: { dwellMs: 15_000 },
  };
}

function sewingStations(line: SewingLine, lineIndex: number, random: Random): AssetInput[] {
  const operations: readonly SewingOperation[] =
    lineIndex < JACKET_LINES ? JACKET_OPERATIONS : TROUSER_OPERATIONS;
  const opOf = (sequence: number) =>
    operations[(sequence - 1) % operations.length] as SewingOperation;
  const lastStep = Math.max(...line.stations.map((s) => s.sequence));
  const target = lineTargetPerHour(line.stations.map((s) => opOf(s.sequence)));
  return line.stations.map((station) => {
    const operation = opOf(station.sequence);
    const status = STATION_STATUS[pickWeighted(random, STATION_STATUS_WEIGHTS)] ?? 'idle';
    return {
      id: station.id,
      type: 'sewingMachine',
      name: {
        en: `${line.id} station ${station.sequence}`,
        'zh-CN': `${line.id} 线 ${station.sequence} 号工位`,
      },
      zone: `line-${line.id}`,
      pose: {
        position: [round3(station.position[0]), 0, round3(station.position[1])],
        headingDeg: station.headingDeg,
      },
      fields: {
        line: line.id,
        step: station.sequence,
        operation: operation.name,
        machine: operation.machine,
        smv: operation.smv,
        operator: `W${1000 + (lineIndex + 1) * 100 + station.sequence}`,
        status,
        speed: status === 'running' ? randomInt(random, 18, 42) * 100 : 0,
        pieces: randomInt(random, 60, 140),
        gateway: lineGateway(line.id),
        // The line's last station: its pieces are the line's output, judged against its target.
        ...(station.sequence === lastStep && { lineEnd: true, lineTargetPerHour: target }),
      },
    };
  });
}

/** Share of the standard rate a line is expected to reach (allowances, learning, balance losses; a healthy bundled line makes ~80 %). */
const TARGET_SHARE = 0.65;

/**
 * A line's target output per hour: its standard rate — the operation with the fewest pieces an
 * hour at standard minutes (stations × 60 / SMV) — times TARGET_SHARE.
 */
function lineTargetPerHour(stationOps: readonly SewingOperation[]): number {
  const stations = new Map<string, { smv: number; count: number }>();
  for (const op of stationOps) {
    const entry = stations.get(op.name) ?? { smv: op.smv, count: 0 };
    entry.count++;
    stations.set(op.name, entry);
  }
  const standard = Math.min(...[...stations.values()].map((o) => (o.count * 60) / o.smv));
  return Math.round(standard * TARGET_SHARE);
}

function agvs(layout: FactoryLayout, random: Random): AssetInput[] {
  const lineAisle = (i: number): number => (layout.sewingLines[i]?.x ?? 0) + 4.65;
  const moving: [number, number, number][] = [
    [-32, -17.5, 90],
    [6, -17.5, 90],
    [28, 17.5, 270],
    [-12, 17.5, 270],
    [-24, -6, 0],
    [36, 4, 180],
    [-46.5, 8, 0],
    [lineAisle(1), 5, 180],
  ];
  const charging = layout.chargingSpots
    .slice(0, 3)
    .map(([x, z]): [number, number, number] => [x, z, 0]);
  return [...moving, ...charging].map(([x, z, headingDeg], i) => {
    const isCharging = i >= moving.length;
    const laden = !isCharging && random() < 0.7;
    const line = `L${randomInt(random, 1, layout.sewingLines.length)}`;
    return {
      id: `AGV${String(i + 1).padStart(2, '0')}`,
      type: 'agv',
      name: { en: `AGV ${i + 1}`, 'zh-CN': `${i + 1} 号 AGV` },
      ...(isCharging ? { zone: 'charging' } : {}),
      pose: { position: [round3(x), 0, round3(z)], headingDeg },
      fields: {
        status: isCharging ? 'charging' : 'moving',
        battery: isCharging ? randomInt(random, 20, 60) : randomInt(random, 45, 98),
        load: laden ? `B-${line}-${String(randomInt(random, 1, 999)).padStart(4, '0')}` : '',
        task: isCharging ? '' : laden ? `deliver to ${line}` : 'return to cutting',
        speed: isCharging ? 0 : 1.2,
        gateway: `gw-AGV${String(i + 1).padStart(2, '0')}`,
      },
    };
  });
}

function inspectionRobots(layout: FactoryLayout): AssetInput[] {
  const aisleX = (layout.sewingLines[2]?.x ?? 0) + 4.65;
  const places: [number, number, number, number][] = [
    [aisleX, -8, 0, -60],
    [36, -10, 180, 90],
    [10, 27.5, 90, 0],
  ];
  return places.map(([x, z, headingDeg, pan], i) => ({
    id: `IR${String(i + 1).padStart(2, '0')}`,
    type: 'inspectionRobot',
    name: { en: `Inspection robot ${i + 1}`, 'zh-CN': `${i + 1} 号巡检机器人` },
    pose: { position: [round3(x), 0, round3(z)], headingDeg },
    fields: {
      status: 'patrolling',
      pan,
      lastDefect: i === 1 ? 'skipped stitch' : 'none',
      confidence: i === 1 ? 0.87 : 0,
      gateway: `gw-IR${String(i + 1).padStart(2, '0')}`,
    },
  }));
}

function factoryAssetTypes(): TwinConfigInput['assetTypes'] {
  const status = { label: { en: 'Status', 'zh-CN': '状态' }, default: 'idle' };
  return {
    sewingMachine: {
      name: { en: 'Sewing machine', 'zh-CN': '缝纫机' },
      category: 'sewingMachine',
      model: 'sewingStation',
      parts: {
        // The handwheel turns with the main shaft, which runs left–right for the operator (z).
        handwheel: { node: 'handwheel', field: 'handwheelDeg', kind: 'rotate', axis: 'z' },
      },
      fields: {
        line: { label: { en: 'Line', 'zh-CN': '产线' } },
        step: { label: { en: 'Operation step', 'zh-CN': '工序号' } },
        operation: { label: { en: 'Operation', 'zh-CN': '工序' } },
        machine: { label: { en: 'Machine type', 'zh-CN': '机型' } },
        smv: { label: { en: 'Standard minutes', 'zh-CN': '标准工时' }, unit: 'min' },
        operator: { label: { en: 'Operator', 'zh-CN': '操作员' } },
        status,
        speed: { label: { en: 'Speed', 'zh-CN': '转速' }, unit: 'stitches/min', default: 0 },
        pieces: { label: { en: 'Pieces this shift', 'zh-CN': '本班件数' }, default: 0 },
        handwheelDeg: {
          label: { en: 'Handwheel angle', 'zh-CN': '手轮角度' },
          unit: 'deg',
          default: 0,
        },
        efficiency: {
          label: { en: 'Operator efficiency (last bundle)', 'zh-CN': '操作员效率（上一扎）' },
          unit: '%',
        },
        idleReason: { label: { en: 'Why idle', 'zh-CN': '停机原因' }, default: '' },
        faultCode: { label: { en: 'Fault code', 'zh-CN': '故障代码' }, default: '' },
        lineEnd: { label: { en: "Line's last station", 'zh-CN': '末道工位' }, default: false },
        lineTargetPerHour: {
          label: { en: 'Line target', 'zh-CN': '产线目标产量' },
          unit: 'pieces/h',
        },
        gateway: gatewayField(),
      },
    },
    agv: {
      name: { en: 'AGV', 'zh-CN': 'AGV 小车' },
      category: 'agv',
      model: 'agv',
      fields: {
        status,
        battery: { label: { en: 'Battery', 'zh-CN': '电量' }, unit: '%' },
        load: { label: { en: 'Bundle carried', 'zh-CN': '载物' }, default: '' },
        task: { label: { en: 'Task', 'zh-CN': '任务' }, default: '' },
        line: { label: { en: 'For line', 'zh-CN': '服务产线' }, default: '' },
        speed: { label: { en: 'Speed', 'zh-CN': '速度' }, unit: 'm/s', default: 0 },
        gateway: gatewayField(),
      },
    },
    inspectionRobot: {
      name: { en: 'Inspection robot', 'zh-CN': '巡检机器人' },
      category: 'robot',
      model: 'inspectionRobot',
      parts: {
        head: { node: 'head', field: 'pan', kind: 'rotate', axis: 'y', min: -180, max: 180 },
      },
      fields: {
        status,
        pan: { label: { en: 'Camera pan', 'zh-CN': '云台角度' }, unit: 'deg', default: 0 },
        lastDefect: { label: { en: 'Last detection', 'zh-CN': '最近检测' }, default: 'none' },
        confidence: { label: { en: 'Confidence', 'zh-CN': '置信度' }, default: 0 },
        gateway: gatewayField(),
      },
    },
    cuttingTable: {
      name: { en: 'Automatic cutter', 'zh-CN': '自动裁床' },
      category: 'cuttingTable',
      fields: {
        status,
        plies: { label: { en: 'Plies in lay', 'zh-CN': '铺布层数' } },
        order: { label: { en: 'Order', 'zh-CN': '订单' } },
        bundles: { label: { en: 'Bundles cut this shift', 'zh-CN': '本班裁片扎数' }, default: 0 },
        gateway: gatewayField(),
      },
    },
    press: {
      name: { en: 'Steam press', 'zh-CN': '整烫机' },
      category: 'press',
      fields: {
        status,
        steamTemp: { label: { en: 'Steam temperature', 'zh-CN': '蒸汽温度' }, unit: '°C' },
        pieces: { label: { en: 'Pieces this shift', 'zh-CN': '本班件数' }, default: 0 },
        gateway: gatewayField(),
      },
    },
    rack: {
      name: { en: 'Pallet rack', 'zh-CN': '货架' },
      category: 'rack',
      label: false,
      fields: { occupancy: { label: { en: 'Occupancy', 'zh-CN': '占用率' }, unit: '%' } },
    },
    gateway5g: gatewayAssetType(),
  };
}

const CUTTING_FINISHING_GATEWAY = 'gw-cutfin';
const lineGateway = (lineId: string): string => `gw-${lineId}`;

/**
 * One Sparkplug B gateway per sewing line (its machines) and one for cutting and finishing; one
 * JSON gateway per AGV and per robot (their own 5G modules). The hall has two cells, west and east.
 */
function factoryGateways(layout: FactoryLayout, assets: AssetInput[]): AssetInput[] {
  const cellAt = (x: number): string => (x < 6 ? 'C-HALL-W' : 'C-HALL-E');
  const gateways: AssetInput[] = layout.sewingLines.map((line, i) =>
    gatewayAsset(lineGateway(line.id), 'sparkplugb', cellAt(line.x), {
      en: `5G gateway of sewing line ${i + 1}`,
      'zh-CN': `${i + 1} 号缝制线 5G 网关`,
    }),
  );
  gateways.push(
    gatewayAsset(CUTTING_FINISHING_GATEWAY, 'sparkplugb', 'C-HALL-W', {
      en: '5G gateway of cutting and finishing',
      'zh-CN': '裁剪与后整理 5G 网关',
    }),
  );
  let mobile = 0;
  for (const asset of assets) {
    if (asset.type !== 'agv' && asset.type !== 'inspectionRobot') continue;
    gateways.push(
      gatewayAsset(`gw-${asset.id}`, 'json', mobile++ % 2 === 0 ? 'C-HALL-W' : 'C-HALL-E', {
        en: `5G module of ${asset.id}`,
        'zh-CN': `${asset.id} 5G 模组`,
      }),
    );
  }
  return gateways;
}

/** Aisles kept free for AGVs and the walkways between sewing lines, for the simulator. */
function aisleZones(layout: FactoryLayout): NonNullable<TwinConfigInput['zones']> {
  const zones: NonNullable<TwinConfigInput['zones']> = layout.aisles.map((rect, i) => ({
    id: `aisle-${i + 1}`,
    name: { en: `Aisle ${i + 1}`, 'zh-CN': `通道 ${i + 1}` },
    kind: 'aisle',
    polygon: rectPolygon(rect),
  }));
  const lines = layout.sewingLines;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i] as SewingLine;
    const b = lines[i + 1] as SewingLine;
    zones.push({
      id: `walkway-${a.id}-${b.id}`,
      name: { en: `Walkway ${a.id}–${b.id}`, 'zh-CN': `${a.id}–${b.id} 走道` },
      kind: 'aisle',
      polygon: rectPolygon({
        xMin: a.area.xMax + 0.3,
        xMax: b.area.xMin - 0.3,
        zMin: layout.aisles[0]?.zMax ?? -15.5,
        zMax: layout.aisles[1]?.zMin ?? 15.5,
      }),
    });
  }
  return zones;
}
