/**
 * RFC 2849 content records from physical lines: folding undone, comments dropped, base64 decoded,
 * attribute names lower-cased (options such as `;lang-en` dropped), repeated attributes gathered.
 * A change file (changetype: modify/delete/modrdn) is refused; `changetype: add` records, which
 * ldifde writes for a plain export, are read as entries.
 */
import { isUtf8 } from 'node:buffer';
import { AttestError } from '../../../errors.js';
import type { LdifEntry } from '../../source.js';
import { READ_LIMITS } from '../../source.js';

/** A logical line this long holds a value over the cell limit (the allowance is the attribute name). */
const MAX_LOGICAL_CHARS = READ_LIMITS.maxCellChars + 1024;
const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\d+(?:\.\d+)*)(?:;[A-Za-z0-9_-]+)*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_CACHED_NAMES = 4096;
/** ldapsearch (without -LLL) closes its output with a record of these. */
const LDAPSEARCH_TRAILER = new Set(['search', 'result', 'ref']);

const shown = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Notes gathered while parsing, each added once and kept up to date in place. */
export class LdifNotes {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  set(key: string, text: string): void {
    const at = this.index.get(key);
    if (at === undefined) {
      this.index.set(key, this.list.length);
      this.list.push(text);
    } else {
      this.list[at] = text;
    }
  }
}

interface Pending {
  line: number;
  text: string;
}

interface Building {
  line: number;
  dn: string;
  attributes: Map<string, string[]>;
}

/** Feeds physical lines in; hands back each entry when the blank line (or the end of the file) closes it. */
export class LdifParser {
  private pending: Pending | null = null;
  private entry: Building | null = null;
  /** Inside a record that is skipped (the ldapsearch trailer). */
  private skipping = false;
  private seenContent = false;
  private readonly binary = new Set<string>();
  private readonly names = new Map<string, string>();
  private readonly urls = { count: 0, firstLine: 0, names: new Set<string>() };

  constructor(
    private readonly file: string,
    private readonly notes: LdifNotes,
  ) {}

  /** One physical line; returns the entry it closes, if any. */
  line(text: string, number: number): LdifEntry | undefined {
    if (text.startsWith(' ')) {
      if (this.pending !== null) {
        this.pending.text += text.slice(1);
        if (this.pending.text.length > MAX_LOGICAL_CHARS) throw this.tooLong(this.pending.line);
        return undefined;
      }
      if (text.trim() === '') return this.blank();
      throw this.corrupt(number, 'the line starts with a space, which continues the line before it, but follows a blank line; remove the space or the blank line');
    }
    this.flush();
    if (text.trim() === '') return this.blank();
    if (text.length > MAX_LOGICAL_CHARS) throw this.tooLong(number);
    this.pending = { line: number, text };
    return undefined;
  }

  /** The end of the file: the last entry, if one is open. */
  end(): LdifEntry | undefined {
    this.flush();
    return this.blank();
  }

  private blank(): LdifEntry | undefined {
    const entry = this.entry;
    this.entry = null;
    this.skipping = false;
    return entry ?? undefined;
  }

  /** Handles the logical line waiting for its continuations. Only a blank line finishes an entry. */
  private flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending === null || pending.text.startsWith('#') || this.skipping) return;
    this.logical(pending.line, pending.text);
  }

  private logical(line: number, text: string): void {
    const colon = text.indexOf(':');
    if (colon < 1) throw this.corrupt(line, `${shown(text)} is not an attribute line (it has no "name:" before its value); fix or remove that line (a folded line must start with one space)`);
    const description = text.slice(0, colon);
    const name = this.attributeName(line, description);
    const firstContent = !this.seenContent;
    this.seenContent = true;

    if (this.entry === null) {
      if (name === 'version' && firstContent) return;
      if (LDAPSEARCH_TRAILER.has(name)) {
        this.skipping = true;
        return;
      }
      if (name !== 'dn') throw this.corrupt(line, `an entry starts with ${shown(`${description}:`)} instead of "dn:"; add the entry's dn: line, or remove the blank line above if it belongs to the entry before`);
      const dn = this.value(line, text, colon, name);
      this.entry = { line, dn: dn ?? '', attributes: new Map() };
      return;
    }

    if (name === 'dn') throw this.corrupt(line, 'a second "dn:" appears inside one entry; separate the entries with a blank line');
    if (name === 'changetype' || name === 'control') {
      const kind = this.value(line, text, colon, name)?.trim().toLowerCase();
      if (name === 'changetype' && kind === 'add') {
        this.notes.set('changetype-add', 'The file writes its entries as "changetype: add" records (as ldifde exports do); they were read as entries.');
        return;
      }
      throw new AttestError(
        'CORRUPT_FILE',
        `"${this.file}" is an LDIF change file (line ${line}: ${shown(text)}), not a directory export; export the entries themselves (ldapsearch, or ldifde -f) and import that file.`,
      );
    }
    const value = this.value(line, text, colon, name);
    if (value === undefined) return;
    const values = this.entry.attributes.get(name);
    if (values === undefined) this.entry.attributes.set(name, [value]);
    else values.push(value);
  }

  /** `cn;lang-en` → `cn`: validated and lower-cased once per spelling (exports repeat a few dozen names). */
  private attributeName(line: number, description: string): string {
    const known = this.names.get(description);
    if (known !== undefined) return known;
    if (!ATTRIBUTE_NAME.test(description)) throw this.corrupt(line, `${shown(description)} is not an attribute name; fix that line`);
    const semicolon = description.indexOf(';');
    const name = (semicolon < 0 ? description : description.slice(0, semicolon)).toLowerCase();
    if (this.names.size < MAX_CACHED_NAMES) this.names.set(description, name);
    return name;
  }

  /** The value after `name:`, `name::` (base64) or `name:<` (a URL: noted, skipped, so undefined). */
  private value(line: number, text: string, colon: number, name: string): string | undefined {
    const marker = text.charAt(colon + 1);
    if (marker === '<') {
      if (name === 'dn') throw this.corrupt(line, 'the dn is given by URL ("dn:<"), which an entry cannot be; fix that line');
      this.urls.count++;
      this.urls.names.add(name);
      if (this.urls.firstLine === 0) this.urls.firstLine = line;
      const names = [...this.urls.names].join(', ');
      this.notes.set(
        'url',
        this.urls.count === 1
          ? `A value of ${names} is given by URL ("attr:< …", line ${this.urls.firstLine}); Attest does not fetch URLs, so it was skipped.`
          : `${this.urls.count.toLocaleString('en-US')} values of ${names} are given by URL ("attr:< …", first on line ${this.urls.firstLine}); Attest does not fetch URLs, so they were skipped.`,
      );
      return undefined;
    }
    if (marker !== ':') return text.slice(colon + 1).replace(/^ +/, '');
    const encoded = text.slice(colon + 2).replace(/^ +/, '');
    if (!BASE64.test(encoded) || encoded.length % 4 === 1) throw this.corrupt(line, `the value of "${name}" after "::" is not valid base64; fix that line`);
    const bytes = Buffer.from(encoded, 'base64');
    if (isUtf8(bytes) && !hasControlCharacters(bytes)) return bytes.toString('utf8');
    if (name === 'dn') throw this.corrupt(line, 'the base64 dn does not decode to UTF-8 text; export the file again as UTF-8');
    if (!this.binary.has(name)) {
      this.binary.add(name);
      this.notes.set('binary', `Binary values (${[...this.binary].join(', ')}) were kept as base64 text.`);
    }
    return encoded;
  }

  private corrupt(line: number, what: string): AttestError {
    return new AttestError('CORRUPT_FILE', `"${this.file}", line ${line}: ${what}, and import the file again.`);
  }

  private tooLong(line: number): AttestError {
    return new AttestError(
      'CELL_TOO_LARGE',
      `"${this.file}", line ${line}: the value is longer than ${READ_LIMITS.maxCellChars.toLocaleString('en-US')} characters, more than Attest reads from one value; leave that attribute out of the export and export again.`,
    );
  }
}

/** C0 controls other than tab, LF and CR: text decoded from them is binary data (a GUID, a SID). */
function hasControlCharacters(bytes: Buffer): boolean {
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return true;
  return false;
}
