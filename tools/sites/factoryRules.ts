import type { TwinConfigInput } from '../../src/config/schema';

type RuleInput = NonNullable<TwinConfigInput['rules']>[number];

/**
 * The bundled factory's rules (docs/rules.md): machine faults, stations starved of work, operators
 * well below standard, lines below their target, AGVs stuck or low on battery. Each fires in the
 * bundled shift, whose simulation breaks machines down, blocks the aisle out of the cutting room
 * and puts a much slower stand-in at one line's bottleneck at seeded times.
 */
export function factoryRules(): RuleInput[] {
  /** The AGVs working for the alarmed station's line, and where they were. */
  const agvsForLine = {
    kind: 'linked' as const,
    select: { categories: ['agv'] },
    field: 'line',
    matchField: 'line',
    downStates: ['blocked', 'charging'],
  };
  return [
    {
      id: 'machine-fault',
      name: { en: 'Sewing machine fault', 'zh-CN': '缝纫机故障' },
      kind: 'fault',
      select: { categories: ['sewingMachine'] },
      severity: 'info',
      severityByCode: { E31: 'warning', E11: 'warning' },
      message: { en: '{name} stopped: fault {value}', 'zh-CN': '{name} 停机：故障 {value}' },
    },
    {
      id: 'station-starved',
      name: { en: 'Station starved of work', 'zh-CN': '工位待料' },
      kind: 'stateTooLong',
      select: { categories: ['sewingMachine'] },
      field: 'idleReason',
      in: ['starved'],
      forMs: 300_000,
      clearForMs: 30_000,
      // Only the line heads: they wait for AGVs, the rest for the station before them.
      while: [{ field: 'step', in: [1] }],
      severity: 'warning',
      hints: [agvsForLine],
      message: {
        en: '{name} has had no bundle for {duration}',
        'zh-CN': '{name} 已 {duration} 无裁片可做',
      },
    },
    {
      id: 'operator-slow',
      name: { en: 'Operator well below standard', 'zh-CN': '操作员效率过低' },
      kind: 'threshold',
      select: { categories: ['sewingMachine'] },
      field: 'efficiency',
      below: 55,
      clearAt: 65,
      severity: 'warning',
      message: {
        en: '{name} sewing at {value} % of standard minutes (operator {fields.operator})',
        'zh-CN': '{name} 效率仅为标准工时的 {value}%（操作员 {fields.operator}）',
      },
    },
    {
      id: 'line-below-target',
      name: { en: 'Line below its target', 'zh-CN': '产线产量低于目标' },
      kind: 'rateBelow',
      select: { categories: ['sewingMachine'] },
      while: [{ field: 'lineEnd', in: [true] }],
      field: 'pieces',
      perHourField: 'lineTargetPerHour',
      // Two hours: a 10-piece bundle is minutes of a line's output, so one hour swings too much.
      windowMs: 7_200_000,
      clearForMs: 600_000,
      severity: 'warning',
      hints: [
        {
          kind: 'linkedAlarms',
          select: { categories: ['sewingMachine'] },
          field: 'line',
          matchField: 'line',
          rules: ['machine-fault', 'station-starved', 'operator-slow'],
          withinMs: 7_200_000,
        },
        agvsForLine,
      ],
      message: {
        en: 'Line {fields.line} made {value} pieces an hour over the last two hours, below its target of {limit}',
        'zh-CN': '{fields.line} 线近两小时平均每小时产出 {value} 件，低于目标 {limit} 件',
      },
    },
    {
      id: 'agv-blocked',
      name: { en: 'AGV held up', 'zh-CN': 'AGV 受阻' },
      kind: 'stateTooLong',
      select: { categories: ['agv'] },
      in: ['blocked'],
      forMs: 120_000,
      severity: 'warning',
      message: {
        en: '{name} held up for {duration} on its way to line {fields.line}',
        'zh-CN': '{name} 前往 {fields.line} 线途中受阻 {duration}',
      },
    },
    {
      id: 'agv-battery-low',
      name: { en: 'AGV battery low', 'zh-CN': 'AGV 电量低' },
      kind: 'threshold',
      select: { categories: ['agv'] },
      field: 'battery',
      below: 28,
      clearAt: 40,
      severity: 'info',
      message: { en: '{name} battery at {value} %', 'zh-CN': '{name} 电量 {value}%' },
    },
    {
      // Measured against the plan a recorded shift carries (docs/plans.md); silent live.
      id: 'line-behind-plan',
      name: { en: 'Line behind its plan', 'zh-CN': '产线落后于计划' },
      kind: 'planDeviation',
      select: { categories: ['sewingMachine'] },
      while: [{ field: 'lineEnd', in: [true] }],
      groupBy: 'line',
      behindMs: 20 * 60_000,
      forMs: 300_000,
      clearForMs: 600_000,
      severity: 'warning',
      message: {
        en: 'Line {fields.line} is {value} min behind its plan',
        'zh-CN': '产线 {fields.line} 落后计划 {value} 分钟',
      },
    },
  ];
}
