import type { LoadResult } from './loadTwinConfig';
import type { ModelConfig } from './schema';

/** A config being checked: its models as soon as they are known, then the whole result. */
export interface ConfigCheck {
  /** The valid `models` section, or null when it is not (the result then says why). */
  models: Promise<Record<string, ModelConfig> | null>;
  result: Promise<LoadResult>;
}

/**
 * Parses and validates config text. The validator (zod and the schema) loads with the first call,
 * not with this module: the page's bootstrap checks the config it fetched while the app's own
 * code is still compiling off the main thread (see app/earlyConfigRead.ts). The `models` section
 * is known first, so model downloads can start before thousands of assets have been checked.
 */
export function checkConfigText(text: string): ConfigCheck {
  const parsed = import('./loadTwinConfig').then((loader) => ({
    loader,
    json: loader.parseConfigJson(text),
  }));
  const models = parsed.then(({ loader, json }) =>
    json.ok ? loader.peekModels(json.value) : null,
  );
  const result = models.then(() =>
    parsed.then(({ loader, json }) =>
      json.ok ? loader.validateTwinConfig(json.value, text) : json,
    ),
  );
  return { models, result };
}
