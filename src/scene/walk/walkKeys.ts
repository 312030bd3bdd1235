/** Which walking keys are held. */
export interface WalkKeys {
  forward: boolean;
  back: boolean;
  left: boolean;
  right: boolean;
  turnLeft: boolean;
  turnRight: boolean;
  run: boolean;
}

export const noWalkKeys = (): WalkKeys => ({
  forward: false,
  back: false,
  left: false,
  right: false,
  turnLeft: false,
  turnRight: false,
  run: false,
});

/**
 * Physical keys (KeyboardEvent.code), so W A S D sit under the same fingers on any layout and
 * with a Chinese input method switched on.
 */
const ACTIONS: Record<string, keyof WalkKeys> = {
  KeyW: 'forward',
  ArrowUp: 'forward',
  KeyS: 'back',
  ArrowDown: 'back',
  KeyA: 'left',
  KeyD: 'right',
  ArrowLeft: 'turnLeft',
  ArrowRight: 'turnRight',
  ShiftLeft: 'run',
  ShiftRight: 'run',
};

/** Records a key press; returns whether the key is one of the walk's. */
export function walkKeyDown(keys: WalkKeys, code: string): boolean {
  const action = ACTIONS[code];
  if (action) keys[action] = true;
  return action !== undefined;
}

/** Records a key release; returns whether the key is one of the walk's. */
export function walkKeyUp(keys: WalkKeys, code: string): boolean {
  const action = ACTIONS[code];
  if (action) keys[action] = false;
  return action !== undefined;
}
