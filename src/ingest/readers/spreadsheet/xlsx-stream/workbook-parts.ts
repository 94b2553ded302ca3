/**
 * What xl/workbook.xml and its relationships (xl/_rels/workbook.xml.rels) say: the sheets in
 * order with their names, visibility and parts, the date system, and where the shared strings and
 * styles are. [Content_Types].xml is not needed: relationships name every part.
 */
import { posix } from 'node:path';
import { AttestError } from '../../../../errors.js';
import type { ZipEntry } from '../zip-guard.js';
import type { XmlHandler, XmlTag } from './xml-tokenizer.js';
import { name, XmlSyntaxError, XmlTokenizer } from './xml-tokenizer.js';
import { decodeEntities, decodeXstring } from './xml-text.js';
import type { ZipArchive } from './zip-entries.js';

export const WORKBOOK_PART = 'xl/workbook.xml';

export interface WorkbookSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet's part in the zip; undefined when its relationship or part is missing. */
  part: ZipEntry | undefined;
  /** Only worksheets hold cells; chart sheets, dialog and macro sheets read as empty. */
  isWorksheet: boolean;
}

export interface WorkbookParts {
  sheets: WorkbookSheet[];
  /** Serial dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
  sharedStrings: ZipEntry | undefined;
  styles: ZipEntry | undefined;
}

/** More sheets or relationships than this: the workbook is refused (a zip holds at most 100,000 parts). */
const MAX_ITEMS = 100_000;

/** A corrupt-file error naming the part whose XML cannot be read. */
export function unreadablePart(file: string, part: string, reason: string): AttestError {
  return new AttestError('CORRUPT_FILE', `"${file}" is damaged or incomplete (its part "${part}" cannot be read: ${reason}); open it in Excel or LibreOffice, save it again, and import the saved copy.`);
}

/** Streams a part through an XML handler. Throws what the zip stream and the handler throw, XML errors as CORRUPT_FILE. */
export async function parsePart(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler, signal?: AbortSignal): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  try {
    for await (const chunk of zip.chunks(entry, signal)) tokenizer.write(chunk);
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw unreadablePart(zip.file, entry.name, error.message);
    throw error;
  }
}

const SHEETS = name('sheets');
const SHEET = name('sheet');
const WORKBOOK_PR = name('workbookPr');
const DATE_1904 = name('date1904');
const NAME = name('name');
const STATE = name('state');
const ID = name('id');
const RELATIONSHIP = name('Relationship');
const ID_UPPER = name('Id');
const TYPE = name('Type');
const TARGET = name('Target');
const TARGET_MODE = name('TargetMode');

interface SheetEntry {
  name: string;
  state: WorkbookSheet['state'];
  relationship: string;
}

class WorkbookReader implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;
  private inSheets = false;

  constructor(private readonly file: string) {}

  open(tag: XmlTag): void {
    if (tag.is(SHEETS)) {
      this.inSheets = true;
    } else if (this.inSheets && tag.is(SHEET)) {
      if (this.sheets.length >= MAX_ITEMS) throw new AttestError('CORRUPT_FILE', `"${this.file}" lists more than ${MAX_ITEMS.toLocaleString('en-US')} sheets, which no workbook has; open it in Excel, save it again, and import the saved copy.`);
      const state = tag.rawAttr(STATE);
      this.sheets.push({
        name: decodeXstring(tag.rawAttr(NAME) ?? ''),
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        relationship: decodeEntities(tag.rawAttr(ID) ?? ''),
      });
    } else if (tag.is(WORKBOOK_PR)) {
      const value = tag.rawAttr(DATE_1904);
      this.date1904 = value === '1' || value === 'true';
    }
  }

  close(tag: XmlTag): void {
    if (tag.is(SHEETS)) this.inSheets = false;
  }

  text(): void {
    // The sheet list is all in attributes.
  }
}

interface Relationship {
  type: string;
  target: string;
}

class RelationshipsReader implements XmlHandler {
  readonly byId = new Map<string, Relationship>();
  readonly all: Relationship[] = [];

  constructor(private readonly file: string) {}

  open(tag: XmlTag): void {
    if (!tag.is(RELATIONSHIP)) return;
    if (this.all.length >= MAX_ITEMS) throw new AttestError('CORRUPT_FILE', `"${this.file}" has more than ${MAX_ITEMS.toLocaleString('en-US')} workbook relationships, which no workbook has; open it in Excel, save it again, and import the saved copy.`);
    if (tag.rawAttr(TARGET_MODE) === 'External') return;
    const relationship = { type: decodeEntities(tag.rawAttr(TYPE) ?? ''), target: decodeEntities(tag.rawAttr(TARGET) ?? '') };
    this.all.push(relationship);
    const id = decodeEntities(tag.rawAttr(ID_UPPER) ?? '');
    if (!this.byId.has(id)) this.byId.set(id, relationship);
  }

  close(): void {
    // Relationships are empty elements.
  }

  text(): void {
    // Nothing in the text.
  }
}

/** A relationship target as a zip name: relative to the workbook's folder, or absolute (`/xl/...`). */
function resolveTarget(zip: ZipArchive, target: string): ZipEntry | undefined {
  const path = target.startsWith('/') ? posix.normalize(target).slice(1) : posix.normalize(posix.join(posix.dirname(WORKBOOK_PART), target));
  const found = zip.find(path);
  if (found !== undefined) return found;
  try {
    return zip.find(decodeURIComponent(path));
  } catch {
    return undefined;
  }
}

/** The type's last segment (.../relationships/worksheet): transitional and strict OOXML alike. */
const kindOf = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

/** Reads the workbook's parts list. Throws CORRUPT_FILE (no workbook part, unreadable XML), CANCELLED. */
export async function readWorkbookParts(zip: ZipArchive, signal?: AbortSignal): Promise<WorkbookParts> {
  const workbookEntry = zip.find(WORKBOOK_PART);
  if (workbookEntry === undefined) throw unreadablePart(zip.file, WORKBOOK_PART, 'it is missing');
  const workbook = new WorkbookReader(zip.file);
  await parsePart(zip, workbookEntry, workbook, signal);

  const relationships = new RelationshipsReader(zip.file);
  const relsEntry = zip.find('xl/_rels/workbook.xml.rels');
  if (relsEntry !== undefined) await parsePart(zip, relsEntry, relationships, signal);
  const related = (kind: string, fallback: string): ZipEntry | undefined => {
    const relationship = relationships.all.find((r) => kindOf(r.type) === kind);
    return (relationship === undefined ? undefined : resolveTarget(zip, relationship.target)) ?? zip.find(fallback);
  };

  return {
    sheets: workbook.sheets.map((sheet) => {
      const relationship = relationships.byId.get(sheet.relationship);
      const kind = relationship === undefined ? 'worksheet' : kindOf(relationship.type);
      return {
        name: sheet.name,
        state: sheet.state,
        part: relationship === undefined ? undefined : resolveTarget(zip, relationship.target),
        isWorksheet: kind === 'worksheet',
      };
    }),
    date1904: workbook.date1904,
    sharedStrings: related('sharedStrings', 'xl/sharedStrings.xml'),
    styles: related('styles', 'xl/styles.xml'),
  };
}
