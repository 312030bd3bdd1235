// `node tools/recordings/ensureShifts.mjs`: makes the bundled shifts that are missing or stale
// (run by `npm test` before the browser tests, and in the background by `npm start`).
import { ensureBundledShifts } from './bundledShifts.mjs';

for (const shift of await ensureBundledShifts(process.cwd())) {
  const size = `${(shift.bytes / 1e6).toFixed(0)} MB`;
  console.log(
    `${shift.path}: ${size}${shift.generated ? `, made in ${shift.seconds.toFixed(0)} s` : ', up to date'}`,
  );
}
