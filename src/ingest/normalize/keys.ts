/**
 * The form in which emails and logins are compared: Unicode NFC, trimmed, lower-case. Records keep
 * the value as written; only matching uses the folded form.
 */
export function foldKey(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}
