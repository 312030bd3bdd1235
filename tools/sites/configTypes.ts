import type { TwinConfigInput } from '../../src/config/schema';

/** Shapes of config entries as the generators write them (input form: defaults may be left out). */
export type AssetInput = NonNullable<TwinConfigInput['assets']>[number];
export type AssetTableInput = NonNullable<TwinConfigInput['assetTables']>[number];
export type ZoneInput = NonNullable<TwinConfigInput['zones']>[number];
export type CameraViewInput = NonNullable<TwinConfigInput['cameraViews']>[number];
export type LocalizedName = { en: string; 'zh-CN': string };
