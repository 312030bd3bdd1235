import type { Document } from '@gltf-transform/core';
import { makeFactoryLayout } from '../sites/factoryLayout';
import { BUNDLED_TERMINAL, makeTerminalLayout } from '../sites/terminalLayout';
import { buildAgv } from './agv';
import { buildContainer } from './container';
import { buildFactoryHall } from './factoryHall';
import { buildInspectionRobot } from './inspectionRobot';
import { buildQuayCrane } from './quayCrane';
import { buildSewingStation } from './sewingStation';
import { buildTerminalGround } from './terminalGround';
import { buildTruck } from './truck';
import { buildVessel } from './vessel';
import { buildYardCrane } from './yardCrane';

/** Every bundled model by file name, in a fixed order. */
export const MODEL_BUILDERS: ReadonlyArray<readonly [fileName: string, build: () => Document]> = [
  ['quay-crane.glb', buildQuayCrane],
  ['yard-crane.glb', buildYardCrane],
  ['truck.glb', buildTruck],
  ['vessel.glb', buildVessel],
  ['container-20.glb', () => buildContainer(20)],
  ['container-40.glb', () => buildContainer(40)],
  ['terminal-ground.glb', () => buildTerminalGround(makeTerminalLayout(BUNDLED_TERMINAL))],
  ['sewing-station.glb', buildSewingStation],
  ['agv.glb', buildAgv],
  ['inspection-robot.glb', buildInspectionRobot],
  ['factory-hall.glb', () => buildFactoryHall(makeFactoryLayout())],
];
