import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The folder rules of docs/ARCHITECTURE.md only hold if the lint rule really fires. */
describe('import-boundary lint rule', () => {
  const eslint = new ESLint();
  const rulesHit = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  };

  it('refuses a value import across a forbidden boundary', async () => {
    expect(
      await rulesHit(
        'src/ui/probe.ts',
        "import { TwinConfig } from '../config/schema';\nexport const x = TwinConfig;\n",
      ),
    ).toContain('boundaries/dependencies');
    expect(
      await rulesHit(
        'src/scene/probe.ts',
        "import { createTwinStore } from '../twin/createTwinStore';\nimport { formatFieldValue as x } from '../panels/Inspector/formatFieldValue';\nexport const y = [createTwinStore, x];\n",
      ),
    ).toContain('boundaries/dependencies');
  });

  it('allows the table’s imports, and type-only imports where only types may cross', async () => {
    expect(
      await rulesHit(
        'src/scene/probe.ts',
        "import { headingToYaw } from '../lib/geo';\nexport const x = headingToYaw;\n",
      ),
    ).toEqual([]);
    expect(
      await rulesHit(
        'src/panels/probe.ts',
        "import type { TwinConfig } from '../config/schema';\nexport type X = TwinConfig;\n",
      ),
    ).toEqual([]);
    expect(
      await rulesHit(
        'src/panels/probe.ts',
        "import { TwinConfig } from '../config/schema';\nexport const x = TwinConfig;\n",
      ),
    ).toContain('boundaries/dependencies');
  });
});
