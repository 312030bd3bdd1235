import type { TwinConfigInput } from '../../src/config/schema';
import { buildFactoryConfig } from './factoryConfig';
import { makeFactoryLayout } from './factoryLayout';
import { buildTerminalConfig } from './terminalConfig';
import { BUNDLED_TERMINAL, makeTerminalLayout } from './terminalLayout';
import { validateTwinConfig } from '../../src/config/loadTwinConfig';
import { planJsonSchema, PLAN_SCHEMA_FILE } from '../planSchema';
import { bundledPlans, formatPlan } from './sitePlans';
import { formatTwinConfig } from './writeTwinConfig';
import { factoryTours, terminalTours } from './siteTours';

/** Bundled sites by config file name, with the entry the site picker lists. */
export function bundledSites(): { file: string; config: TwinConfigInput }[] {
  return [
    {
      file: 'terminal.json',
      config: {
        ...buildTerminalConfig(makeTerminalLayout(BUNDLED_TERMINAL), {
          id: 'terminal',
          name: { en: 'Harbour Container Terminal', 'zh-CN': '港口集装箱码头' },
          description: {
            en: 'Two-berth container terminal modelled on Mawan, Shenzhen: 6 quay cranes, 12 RTG blocks, 40 trucks.',
            'zh-CN': '参照深圳妈湾的两泊位集装箱码头：6 台岸桥、12 个场桥箱区、40 辆集卡。',
          },
          modelBaseUrl: '../models/',
          groundUrl: '../models/terminal-ground.glb',
          schemaRef: './schema.json',
          quayCranes: 6,
          vessels: 2,
          trucks: 40,
          containers: 5400,
          seed: 0x7e4a1,
        }),
        tours: terminalTours(),
      },
    },
    {
      file: 'factory.json',
      config: {
        ...buildFactoryConfig(makeFactoryLayout(), {
          modelBaseUrl: '../models/',
          schemaRef: './schema.json',
          seed: 0xfac7,
        }),
        tours: factoryTours(),
      },
    },
  ];
}

/**
 * Text of every file `tools/sites/generate.ts` writes into twin-configs/, by file name: the
 * configs, each site's plans (made from the loaded config, then listed in it) and the index.
 */
export function bundledSiteFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const sites = bundledSites();
  for (const { file, config } of sites) {
    const loaded = validateTwinConfig(config);
    if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
    const plans = bundledPlans(loaded.config);
    for (const plan of plans) files.set(plan.file, formatPlan(plan.document));
    const withPlans = plans.length > 0 ? { ...config, plans: plans.map((p) => p.ref) } : config;
    files.set(file, formatTwinConfig(withPlans));
  }
  files.set(PLAN_SCHEMA_FILE, planJsonSchema());
  const index = {
    sites: sites.map(({ file, config }) => ({
      id: config.site.id,
      name: config.site.name,
      kind: config.site.kind,
      config: file,
    })),
  };
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  return files;
}
