import type { TwinConfig } from '../../config/schema';
import type { FieldKind } from './createBinder';

/**
 * What kind of value each asset's fields hold, from the asset type: a default's type, a unit
 * (numbers), an articulated part (numbers). Telemetry of another kind is refused and counted.
 */
export function fieldKinds(config: TwinConfig): Array<[string, Record<string, FieldKind>]> {
  const byType = new Map<string, Record<string, FieldKind>>();
  for (const [typeId, type] of Object.entries(config.assetTypes)) {
    const kinds: Record<string, FieldKind> = {};
    for (const [name, def] of Object.entries(type.fields)) {
      const d = def.default;
      kinds[name] =
        d === undefined
          ? def.unit
            ? 'number'
            : 'any'
          : (typeof d as 'number' | 'string' | 'boolean');
    }
    for (const part of Object.values(type.parts)) kinds[part.field] = 'number';
    byType.set(typeId, kinds);
  }
  return config.assets.map((a) => [a.id, byType.get(a.type) ?? {}]);
}
