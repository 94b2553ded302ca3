import { AttestError } from '../errors.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD, checked to exist; `what` names the option in the message. */
export function sodDate(text: string, what: string): string {
  const m = DAY.exec(text.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== text.trim()) {
    throw new AttestError('INVALID_INPUT', `${what} takes a date as YYYY-MM-DD (e.g. 2026-12-31), not "${text}".`);
  }
  return text.trim();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
