import type { BindingConfig } from '../../config/binding';

/**
 * A binding as the config loader would return it, defaults filled: for tests, which may not
 * import the config schema at run time (telemetry/ takes config types only).
 */
export function testBinding(
  partial: Partial<BindingConfig> & Pick<BindingConfig, 'topic' | 'decoder'>,
): BindingConfig {
  return { kind: 'state', fields: {}, staleAfterMs: 30_000, ...partial };
}
