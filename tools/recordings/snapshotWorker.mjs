// Worker-thread entry of the parallel shift generator (parallelShift.ts): Node's workers do not
// inherit tsx's loader, so this plain module loads the TypeScript through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./snapshotWorker.ts', import.meta.url);
