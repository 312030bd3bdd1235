// `npm test`: every check a change must pass, cheapest first, stopping at the first failure.
import { resolve } from 'node:path';
import { ensureMosquitto } from './broker/mosquitto.mjs';
import { ensureChromium } from './system/ensureChromium.mjs';
import { runCommand } from './system/runCommand.mjs';

const bin = (name) => resolve('node_modules/.bin', name);

/** The checks in order; each is one command whose exit code is the verdict. */
const STEPS = [
  { name: 'format', command: bin('prettier'), args: ['--check', '.'] },
  { name: 'types', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  // Unit and browser tests replay the bundled shifts: made once, again when their sources change.
  { name: 'recordings', command: process.execPath, args: ['tools/recordings/ensureShifts.mjs'] },
  { name: 'unit', command: bin('vitest'), args: ['run'] },
  { name: 'build', command: bin('vite'), args: ['build'] },
  { name: 'browser', command: process.execPath, args: ['e2e/run.mjs'] },
];

const describe = (step) => [step.command.replace(`${process.cwd()}/`, ''), ...step.args].join(' ');

// The system packages the tests drive: installed here when missing and we are root, so a fresh
// Debian machine needs only `npm install && npm test`. Otherwise the command to run is printed
// and the checks go on; the tests that need a package then say so themselves.
for (const ensure of [ensureChromium, ensureMosquitto]) {
  try {
    ensure();
  } catch (error) {
    console.error(`! ${error.message}`);
  }
}

let passed = 0;
let failed = 0;
for (const step of STEPS) {
  console.log(`\n▶ ${step.name}: ${describe(step)}`);
  const started = performance.now();
  const code = await runCommand(step.command, step.args);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    failed = 1;
    console.error(`\n✗ ${step.name} failed (exit code ${code}, ${seconds} s): ${describe(step)}`);
    break;
  }
  passed += 1;
  console.log(`✓ ${step.name} (${seconds} s)`);
}

const skipped = STEPS.length - passed - failed;
console.log(`\nsteps: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
