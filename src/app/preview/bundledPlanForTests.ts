import { readFileSync } from 'node:fs';
import { parseTwinConfig } from '../../config/loadTwinConfig';
import { parsePlanDocument } from '../../config/plan';

/** A bundled site's config and one of its plan files, read as the app reads them (tests only). */
export function bundledPlan(site: string, plan: string) {
  const loaded = parseTwinConfig(readFileSync(`twin-configs/${site}.json`, 'utf8'));
  if (!loaded.ok) throw new Error('bundled config invalid');
  const parsed = parsePlanDocument(readFileSync(`twin-configs/plans/${site}-${plan}.json`, 'utf8'));
  if (!parsed.ok) throw new Error('bundled plan invalid');
  return { config: loaded.config, document: parsed.plan };
}
