import type { PlanDocument, PlanRefConfig } from '../../src/config/plan';
import { PLAN_SCHEMA_VERSION } from '../../src/config/plan';
import type { TwinConfig } from '../../src/config/schema';
import { balanceLines } from '../../src/sim/plan/balanceLines';
import { defaultFactoryPlan } from '../../src/sim/plan/factoryPlan';
import { defaultTerminalPlan, withFewerCranes } from '../../src/sim/plan/terminalPlan';

/** The seed the bundled plans are drawn with, and that their previews run with. */
export const BUNDLED_PLAN_SEED = 1;

/** When the bundled plans start: the bundled shifts' day (tools/recordings/generate.ts). */
export const BUNDLED_PLAN_START = '2025-01-06T00:00:00Z';

/** A plan file of a bundled site: where it is written and how the config lists it. */
export interface BundledPlan {
  file: string;
  ref: PlanRefConfig;
  document: PlanDocument;
}

/**
 * Two plans for the same work on each bundled site, to preview and compare: the terminal's two
 * ship calls with 2 quay cranes a ship and 20 trucks, or with all 3 and 32 trucks (the same
 * boxes off and aboard); the factory's orders on lines as the machines are set up, or balanced by
 * standard minutes.
 */
export function bundledPlans(config: TwinConfig): BundledPlan[] {
  const site = config.site.id;
  const make = (
    id: string,
    name: PlanDocument['name'],
    description: PlanDocument['description'],
    plan: PlanDocument['plan'],
  ): BundledPlan => {
    const file = `plans/${site}-${id}.json`;
    return {
      file,
      ref: { id, name, url: file },
      document: {
        $schema: './plan.schema.json',
        schemaVersion: PLAN_SCHEMA_VERSION,
        id,
        site,
        name,
        description,
        seed: BUNDLED_PLAN_SEED,
        start: BUNDLED_PLAN_START,
        plan,
      },
    };
  };
  if (config.site.kind === 'terminal') {
    const full = defaultTerminalPlan(config, BUNDLED_PLAN_SEED, { trucks: 32 });
    return [
      make(
        'lean',
        { en: '4 quay cranes, 20 trucks', 'zh-CN': '4 台岸桥，20 辆集卡' },
        {
          en: 'Both ship calls with two quay cranes a ship and a pool of 20 trucks.',
          'zh-CN': '两艘船各用两台岸桥作业，集卡池 20 辆。',
        },
        withFewerCranes(full, 2, 20),
      ),
      make(
        'full',
        { en: '6 quay cranes, 32 trucks', 'zh-CN': '6 台岸桥，32 辆集卡' },
        {
          en: 'The same ship calls with all three quay cranes at each berth and 32 trucks.',
          'zh-CN': '同样的船舶作业，每个泊位三台岸桥全部作业，集卡 32 辆。',
        },
        full,
      ),
      make(
        'day',
        { en: 'Day shift: 6 quay cranes, 40 trucks', 'zh-CN': '白班计划：6 台岸桥，40 辆集卡' },
        {
          en: 'The plan the bundled day shift ran (and carries): both ship calls with all six quay cranes and every truck in one pool.',
          'zh-CN': '随附白班记录所执行（并携带）的计划：两艘船六台岸桥全部作业，全部集卡统一调度。',
        },
        defaultTerminalPlan(config, BUNDLED_PLAN_SEED),
      ),
    ];
  }
  if (config.site.kind === 'factory') {
    const asSet = defaultFactoryPlan(config, BUNDLED_PLAN_SEED);
    return [
      make(
        'as-set',
        { en: 'Lines as set up', 'zh-CN': '现有产线排布' },
        {
          en: "Each line's orders on the operations its machines are set up for.",
          'zh-CN': '各产线按机器现有工序设置生产订单。',
        },
        asSet,
      ),
      make(
        'balanced',
        { en: 'Balanced by standard minutes', 'zh-CN': '按标准工时平衡' },
        {
          en: 'The same orders, each line rebalanced so every operation has machines in proportion to its standard minutes.',
          'zh-CN': '同样的订单，各产线按工序标准工时重新分配机器。',
        },
        balanceLines(asSet),
      ),
    ];
  }
  return [];
}

/** A plan file's text: one job, station or order per line. */
export function formatPlan(document: PlanDocument): string {
  const json = JSON.stringify(document, null, 2);
  // Collapse every innermost object or array (a job, a station, a waypoint) onto one line.
  return `${json.replace(/\{[^{}[\]]*\}|\[[^{}[\]]*\]/g, (inner) =>
    inner.length > 200
      ? inner
      : inner
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\[ /g, '[')
          .replace(/ \]/g, ']'),
  )}\n`;
}
