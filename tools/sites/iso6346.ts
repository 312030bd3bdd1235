/**
 * ISO 6346 container identification: owner code (3 letters), category (U freight, J equipment,
 * Z trailer), 6-digit serial and a check digit computed from the first ten characters.
 */

/** Letter values skip multiples of 11 (11, 22, 33), as the standard prescribes. */
function letterValue(letter: string): number {
  let value = 10;
  for (let code = 65; code < letter.charCodeAt(0); code++) {
    value++;
    if (value % 11 === 0) value++;
  }
  return value;
}

/** Check digit for the first ten characters; 10 means the serial must not be issued. */
export function checkDigitValue(first10: string): number {
  if (!/^[A-Z]{3}[UJZ]\d{6}$/.test(first10))
    throw new Error(`not an ISO 6346 owner+serial: ${first10}`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = first10[i] as string;
    const value = i < 4 ? letterValue(ch) : Number(ch);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 11;
}

/** True when `id` is 11 characters with a correct check digit (remainder 10 is never valid). */
export function isValidContainerId(id: string): boolean {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(id)) return false;
  const check = checkDigitValue(id.slice(0, 10));
  return check < 10 && check === Number(id[10]);
}

/**
 * Full id for an owner prefix (e.g. `MSCU`) and serial, or undefined when the serial yields
 * check value 10: owners do not issue those numbers, so callers pick another serial.
 */
export function containerId(prefix: string, serial: number): string | undefined {
  const first10 = `${prefix}${String(serial).padStart(6, '0')}`;
  const check = checkDigitValue(first10);
  return check === 10 ? undefined : `${first10}${check}`;
}
