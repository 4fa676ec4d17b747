// A person's name as another system hands it to us (a staff list's cell, a provider's ID token): control characters
// and direction overrides never belong in a name; they would print it reversed or hidden. Pure, for any layer.

/** Control characters: a tab or a line break separates words, so each becomes a space. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Invisible characters (a zero-width space pasted from a web page, a direction mark) sit inside a word: dropped. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Both, for text that is only quoted back (a message), never kept. */
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function cleanPersonName(value: string): string {
  return value.normalize("NFC").replace(INVISIBLE, "").replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}
