import { randomBytes } from "node:crypto";

// Verification codes. A code is 16 characters of Crockford's base 32: 80 bits from the operating system's
// random source, never derived from an id or a date, so the codes cannot be enumerated or guessed (at a
// thousand guesses a second, finding any one of a million issued codes would take about 38 million years).
// Crockford's alphabet leaves out I, L, O and U, so a code read aloud or typed from paper survives the usual
// slips: normaliseCode() reads O as 0 and I or L as 1, and ignores case, spaces and hyphens.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 16;

/** A new code, as stored: 16 characters, no hyphens. */
export function newCode(): string {
  const bytes = randomBytes(10); // 80 bits: exactly 16 characters of 5 bits
  let bits = 0;
  let value = 0;
  let code = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return code;
}

/** A stored code as printed: XXXX-XXXX-XXXX-XXXX. */
export function printedCode(code: string): string {
  return code.match(/.{1,4}/g)!.join("-");
}

/** What someone typed, as the stored code, or null when it cannot be one (a wrong character or length). */
export function normaliseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}
