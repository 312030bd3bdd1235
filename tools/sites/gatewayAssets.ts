import type { TwinConfigInput } from '../../src/config/schema';
import type { AssetInput } from './configTypes';

type AssetTypeInput = TwinConfigInput['assetTypes'][string];

/** The `gateway` field every reported asset type carries: which 5G gateway reports the asset. */
export function gatewayField(defaultGateway = ''): {
  label: { en: string; 'zh-CN': string };
  default: string;
} {
  return { label: { en: '5G gateway', 'zh-CN': '5G 网关' }, default: defaultGateway };
}

/**
 * The 5G gateways of a site are assets too (not drawn): their link figures are their fields, and
 * the simulators read each gateway's protocol and cell from here.
 */
export function gatewayAssetType(): AssetTypeInput {
  return {
    name: { en: '5G gateway', 'zh-CN': '5G 网关' },
    category: 'gateway5g',
    virtual: true,
    fields: {
      protocol: { label: { en: 'Protocol', 'zh-CN': '协议' }, default: 'json' },
      cell: { label: { en: '5G cell', 'zh-CN': '5G 小区' }, default: '' },
      linkState: { label: { en: 'Link state', 'zh-CN': '链路状态' }, default: 'up' },
      rsrpDbm: { label: { en: 'RSRP', 'zh-CN': '参考信号接收功率' }, unit: 'dBm', default: -90 },
      sinrDb: { label: { en: 'SINR', 'zh-CN': '信干噪比' }, unit: 'dB', default: 15 },
      uplinkMbps: { label: { en: 'Uplink', 'zh-CN': '上行速率' }, unit: 'Mbit/s', default: 50 },
      delayMs: { label: { en: 'Radio delay', 'zh-CN': '无线时延' }, unit: 'ms', default: 0 },
      lossRate: { label: { en: 'Message loss (0–1)', 'zh-CN': '丢包率（0–1）' }, default: 0 },
    },
  };
}

/** One gateway asset. */
export function gatewayAsset(
  id: string,
  protocol: 'json' | 'sparkplugb',
  cell: string,
  name: { en: string; 'zh-CN': string },
): AssetInput {
  return { id, type: 'gateway5g', name, fields: { protocol, cell } };
}
