import type { TwinConfigInput } from '../../src/config/schema';
import { QUAY_CRANE, YARD_CRANE } from '../models/modelDimensions';
import { gatewayAssetType, gatewayField } from './gatewayAssets';
import { FALLBACK_OWNER_COLOR, ownerColors } from './shippingLines';

type AssetTypes = TwinConfigInput['assetTypes'];

/** Gateway of the terminal operating system, which reports containers and vessels. */
export const TOS_GATEWAY = 'gw-tos';

const status = { label: { en: 'Status', 'zh-CN': '状态' }, default: 'idle' };
const moves = {
  label: { en: 'Moves this shift', 'zh-CN': '本班作业量' },
  unit: 'moves',
  default: 0,
};
const faultCode = { label: { en: 'Fault code', 'zh-CN': '故障代码' }, default: '' };

/**
 * Asset types of a container terminal. The articulated parts follow the model contract:
 * a quay crane's trolley runs along its boom (model x), an RTG's across the block (model z);
 * both spreaders are set to the hoist height above ground.
 */
export function terminalAssetTypes(): AssetTypes {
  // Size follows from the type and most boxes are neither reefers nor dangerous goods, so an
  // asset lists only what differs: about half the fields of 5,000 containers to fetch and check.
  const containerFields = (size: 20 | 40) => ({
    owner: { label: { en: 'Owner', 'zh-CN': '箱主' } },
    size: { label: { en: 'Size', 'zh-CN': '尺寸' }, unit: 'ft', default: size },
    slot: { label: { en: 'Yard slot', 'zh-CN': '箱位' }, default: '' },
    reefer: { label: { en: 'Reefer', 'zh-CN': '冷藏箱' }, default: false },
    hazardous: { label: { en: 'Dangerous goods', 'zh-CN': '危险品' }, default: false },
    truck: { label: { en: 'On truck', 'zh-CN': '所在集卡' }, default: '' },
    // Boxes aboard a ship are assets too, hidden (the vessel model draws its cargo) until lifted.
    present: { label: { en: 'On the terminal', 'zh-CN': '在场' }, default: true },
    onboard: { label: { en: 'Aboard vessel', 'zh-CN': '所在船舶' }, default: '' },
    stowage: { label: { en: 'Stowage (bay-row-tier)', 'zh-CN': '船上箱位' }, default: '' },
    // The terminal operating system reports every box.
    gateway: gatewayField(TOS_GATEWAY),
  });
  const colorBy = { field: 'owner', colors: ownerColors(), fallback: FALLBACK_OWNER_COLOR };
  return {
    quayCrane: {
      name: { en: 'Quay crane', 'zh-CN': '岸桥' },
      category: 'quayCrane',
      model: 'quayCrane',
      parts: {
        trolley: {
          node: 'trolley',
          field: 'trolley',
          axis: 'x',
          min: -(QUAY_CRANE.railGauge + QUAY_CRANE.backreach),
          max: QUAY_CRANE.outreach,
        },
        hoist: { node: 'spreader', field: 'hoist', axis: 'y', min: 0, max: QUAY_CRANE.maxHoist },
      },
      fields: {
        trolley: {
          label: { en: 'Trolley (from waterside rail)', 'zh-CN': '小车位置' },
          unit: 'm',
          default: 0,
        },
        hoist: { label: { en: 'Spreader height', 'zh-CN': '吊具高度' }, unit: 'm', default: 30 },
        status,
        moves,
        locked: { label: { en: 'Twistlocks locked', 'zh-CN': '旋锁闭锁' }, default: false },
        faultCode,
        vessel: { label: { en: 'Working vessel', 'zh-CN': '作业船舶' }, default: '' },
        movesPlanned: {
          label: { en: 'Moves planned', 'zh-CN': '计划作业量' },
          unit: 'moves',
          default: 0,
        },
        gateway: gatewayField(),
      },
    },
    yardCrane: {
      name: { en: 'Yard crane (RTG)', 'zh-CN': '场桥' },
      category: 'yardCrane',
      model: 'yardCrane',
      parts: {
        trolley: {
          node: 'trolley',
          field: 'trolley',
          axis: 'z',
          min: -YARD_CRANE.trolleyReach,
          max: YARD_CRANE.trolleyReach,
        },
        hoist: { node: 'spreader', field: 'hoist', axis: 'y', min: 0, max: YARD_CRANE.maxHoist },
      },
      fields: {
        trolley: {
          label: { en: 'Trolley (from centre line)', 'zh-CN': '小车位置' },
          unit: 'm',
          default: 0,
        },
        hoist: { label: { en: 'Spreader height', 'zh-CN': '吊具高度' }, unit: 'm', default: 15 },
        status,
        moves,
        block: { label: { en: 'Block', 'zh-CN': '箱区' } },
        locked: { label: { en: 'Twistlocks locked', 'zh-CN': '旋锁闭锁' }, default: false },
        gateway: gatewayField(),
      },
    },
    truck: {
      name: { en: 'Internal truck', 'zh-CN': '内集卡' },
      category: 'truck',
      model: 'truck',
      fields: {
        status,
        speed: { label: { en: 'Speed', 'zh-CN': '速度' }, unit: 'km/h', default: 0 },
        laden: { label: { en: 'Laden', 'zh-CN': '重载' }, default: false },
        containerId: { label: { en: 'Container', 'zh-CN': '箱号' }, default: '' },
        job: { label: { en: 'Job', 'zh-CN': '作业指令' }, default: '' },
        crane: { label: { en: 'Serving quay crane', 'zh-CN': '服务岸桥' }, default: '' },
        faultCode,
        gateway: gatewayField(),
      },
    },
    vessel: {
      name: { en: 'Vessel', 'zh-CN': '船舶' },
      category: 'vessel',
      model: 'vessel',
      fields: {
        status: { label: { en: 'Status', 'zh-CN': '状态' }, default: 'alongside' },
        berth: { label: { en: 'Berth', 'zh-CN': '泊位' } },
        voyage: { label: { en: 'Voyage', 'zh-CN': '航次' } },
        draft: { label: { en: 'Draft', 'zh-CN': '吃水' }, unit: 'm' },
        gateway: gatewayField(TOS_GATEWAY),
      },
    },
    container20: {
      name: { en: '20 ft container', 'zh-CN': '20 英尺集装箱' },
      category: 'container',
      model: 'container20',
      label: false,
      fields: containerFields(20),
      colorBy,
    },
    container40: {
      name: { en: '40 ft container', 'zh-CN': '40 英尺集装箱' },
      category: 'container',
      model: 'container40',
      label: false,
      fields: containerFields(40),
      colorBy,
    },
    gateway5g: gatewayAssetType(),
  };
}
