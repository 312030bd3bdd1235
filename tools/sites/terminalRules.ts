import type { TwinConfigInput } from '../../src/config/schema';

type RuleInput = NonNullable<TwinConfigInput['rules']>[number];

/**
 * The bundled terminal's rules (docs/rules.md): what its control room is alarmed about. Each
 * fires in the bundled shift, whose simulation breaks cranes and trucks down, runs short of
 * trucks, sends a truck to the gate, degrades a 5G cell and silences a gateway at seeded times.
 */
export function terminalRules(): RuleInput[] {
  /** Which trucks were working for a crane, and how many of the pool were broken down. */
  const trucksFor = {
    kind: 'linked' as const,
    select: { categories: ['truck'] },
    field: 'crane',
    downStates: ['fault'],
  };
  return [
    {
      id: 'crane-fault',
      name: { en: 'Quay crane fault', 'zh-CN': '岸桥故障' },
      kind: 'fault',
      select: { categories: ['quayCrane'] },
      severity: 'warning',
      severityByCode: { H31: 'critical' },
      message: { en: '{name} stopped: fault {value}', 'zh-CN': '{name} 停机：故障 {value}' },
      hints: [trucksFor],
    },
    {
      id: 'crane-waiting-for-trucks',
      name: { en: 'Quay crane waiting for trucks', 'zh-CN': '岸桥等集卡' },
      kind: 'stateTooLong',
      select: { categories: ['quayCrane'] },
      in: ['waiting'],
      forMs: 90_000,
      clearForMs: 15_000,
      while: [{ field: 'vessel', nonEmpty: true }],
      severity: 'warning',
      hints: [trucksFor],
      message: {
        en: '{name} has waited {duration} for a truck',
        'zh-CN': '{name} 已等待集卡 {duration}',
      },
    },
    {
      id: 'crane-rate',
      name: { en: 'Quay crane below its rate', 'zh-CN': '岸桥效率偏低' },
      kind: 'rateBelow',
      select: { categories: ['quayCrane'] },
      field: 'moves',
      perHour: 24,
      windowMs: 3_600_000,
      clearForMs: 300_000,
      while: [{ field: 'vessel', nonEmpty: true }],
      severity: 'warning',
      hints: [
        {
          kind: 'earlier',
          rules: ['crane-fault', 'crane-waiting-for-trucks'],
          withinMs: 3_600_000,
        },
        trucksFor,
      ],
      message: {
        en: '{name} at {value} moves/h over the last hour, below {limit}',
        'zh-CN': '{name} 近一小时 {value} 箱/小时，低于 {limit}',
      },
    },
    {
      id: 'truck-breakdown',
      name: { en: 'Truck breakdown', 'zh-CN': '集卡故障' },
      kind: 'fault',
      select: { categories: ['truck'] },
      severity: 'warning',
      message: { en: '{name} broken down: {value}', 'zh-CN': '{name} 故障：{value}' },
    },
    {
      id: 'truck-silent',
      name: { en: 'Truck not reporting', 'zh-CN': '集卡无数据' },
      kind: 'stale',
      select: { categories: ['truck'] },
      forMs: 30_000,
      severity: 'warning',
      // Alone (its own 5G module) or with others (the cell, the broker)?
      hints: [{ kind: 'shared', field: 'gateway' }],
      message: {
        en: '{name} has not reported for a minute (its 5G gateway?)',
        'zh-CN': '{name} 已一分钟无数据（5G 网关？）',
      },
    },
    {
      id: 'truck-at-gate',
      name: { en: 'Internal truck at the gate', 'zh-CN': '内集卡驶入闸口' },
      kind: 'geofence',
      select: { categories: ['truck'] },
      zones: ['gate'],
      mode: 'forbidden',
      forMs: 20_000,
      severity: 'critical',
      message: {
        en: '{name} is in the gate lanes: internal trucks stay inside the terminal',
        'zh-CN': '{name} 驶入闸口车道：内集卡不得离开码头',
      },
    },
    {
      id: 'link-degraded',
      name: { en: '5G link degraded', 'zh-CN': '5G 链路劣化' },
      kind: 'threshold',
      select: { categories: ['gateway5g'] },
      field: 'sinrDb',
      below: 5,
      clearAt: 8,
      forMs: 15_000,
      // One alarm per 5G cell, not one per gateway in it.
      groupBy: 'cell',
      severity: 'warning',
      message: {
        en: '5G cell {fields.cell} degraded: SINR {value} dB at {name}',
        'zh-CN': '5G 小区 {fields.cell} 劣化：{name} 信干噪比 {value} dB',
      },
    },
    {
      // Measured against the plan a recorded shift carries (docs/plans.md); silent live.
      id: 'crane-behind-plan',
      name: { en: 'Quay crane behind its plan', 'zh-CN': '岸桥落后于计划' },
      kind: 'planDeviation',
      select: { categories: ['quayCrane'] },
      behindMs: 15 * 60_000,
      forMs: 120_000,
      clearForMs: 300_000,
      severity: 'warning',
      hints: [trucksFor],
      message: {
        en: '{name} is {value} min behind its plan',
        'zh-CN': '{name} 落后计划 {value} 分钟',
      },
    },
  ];
}
