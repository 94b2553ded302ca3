import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LdifEntry, LdifSource } from '../../../src/ingest/source.js';
import { READ_LIMITS } from '../../../src/ingest/source.js';
import { openLdif } from '../../../src/ingest/readers/ldif/open-ldif.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { failure } from '../../helpers/attest-failure.js';

const tempDir = useTempDirs();
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/ldif/${name}`, import.meta.url));

/** An entry as a plain object, attribute order kept, so a failing assertion shows a readable diff. */
interface PlainEntry {
  line: number;
  dn: string;
  attributes: Record<string, readonly string[]>;
}
const plain = (entry: LdifEntry): PlainEntry => ({ line: entry.line, dn: entry.dn, attributes: Object.fromEntries(entry.attributes) });

async function entriesOf(source: LdifSource): Promise<PlainEntry[]> {
  const entries: PlainEntry[] = [];
  for await (const entry of source.entries()) entries.push(plain(entry));
  return entries;
}

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** `count` user entries, each with a folded description, in about `count` × 260 bytes. */
function manyEntries(count: number, eol = '\n'): string {
  const parts: string[] = ['version: 1', ''];
  for (let i = 0; i < count; i++) {
    parts.push(
      `dn: uid=user${i},ou=People,dc=example,dc=com`,
      'objectClass: person',
      `uid: user${i}`,
      `description: folded description number ${i} that is long enough that the exporter wr`,
      ' apped it onto a second line',
      `memberOf: cn=group${i % 7},ou=Groups,dc=example,dc=com`,
      '',
    );
  }
  return parts.join(eol);
}

describe('openLdif: RFC 2849 content', () => {
  it('undoes folding (in values, base64 and the dn), decodes base64, drops comments and options, gathers repeated attributes', async () => {
    const source = await openLdif(fixture('folded-base64-comments.ldif'));
    expect(await entriesOf(source)).toEqual([
      {
        line: 6,
        dn: 'uid=jdoe,ou=People,dc=example,dc=com',
        attributes: {
          objectclass: ['inetOrgPerson', 'person'],
          cn: ['John Doe', 'Jean Dupont'],
          sn: ['Doe'],
          description: ['A long description that the exporter folded at seventy-six characters, with the fold in the middle of a word.'],
          displayname: ['José Döe'],
          mail: ['jdoe@example.com'],
          telephonenumber: [''],
          objectguid: ['bxssPU5fYHGCk6S1xtfo+Q=='],
          postaladdress: ['Line one\nLine two'],
          title: [' leading space'],
          memberof: ['cn=staff,ou=Groups,dc=example,dc=com', 'cn=vpn,ou=Groups,dc=example,dc=com'],
        },
      },
      {
        line: 26,
        dn: 'cn=Zoë Martín,ou=People,dc=example,dc=com',
        attributes: {
          objectclass: ['person'],
          cn: ['Zoë Martín'],
          sn: ['Martín'],
          description: ['two spaces after the fold marker: keep the second one'],
        },
      },
    ]);
    expect(source.notes).toEqual([
      'A value of jpegphoto is given by URL ("attr:< …", line 19); Attest does not fetch URLs, so it was skipped.',
      'Binary values (objectguid) were kept as base64 text.',
    ]);
  });

  it('reads an ldifde export (CRLF, a leading blank line, changetype: add records, binary GUIDs and SIDs)', async () => {
    const source = await openLdif(fixture('ad-users-groups.ldif'));
    expect(await entriesOf(source)).toEqual([
      {
        line: 2,
        dn: 'CN=Ann Lee,OU=Finance,OU=Staff,DC=corp,DC=example,DC=com',
        attributes: {
          objectclass: ['top', 'person', 'organizationalPerson', 'user'],
          cn: ['Ann Lee'],
          sn: ['Lee'],
          givenname: ['Ann'],
          distinguishedname: ['CN=Ann Lee,OU=Finance,OU=Staff,DC=corp,DC=example,DC=com'],
          displayname: ['Ann Lee'],
          memberof: ['CN=Finance-AP,OU=Groups,DC=corp,DC=example,DC=com', 'CN=VPN Users,OU=Remote Access,OU=Security Groups,DC=corp,DC=example,DC=com'],
          useraccountcontrol: ['512'],
          lastlogontimestamp: ['133606665000000000'],
          objectguid: ['intsXU4/KhsMnY5/altMPQ=='],
          objectsid: ['AQUAAAAAAAUVAAAAobLD1OX2p7jJ0OHy9AEAAA=='],
          samaccountname: ['alee'],
          userprincipalname: ['alee@corp.example.com'],
          whencreated: ['20190311084512.0Z'],
        },
      },
      {
        line: 24,
        dn: 'CN=Bob Stone,OU=Leavers,DC=corp,DC=example,DC=com',
        attributes: {
          objectclass: ['top', 'person', 'organizationalPerson', 'user'],
          cn: ['Bob Stone'],
          distinguishedname: ['CN=Bob Stone,OU=Leavers,DC=corp,DC=example,DC=com'],
          memberof: ['CN=Finance-AP,OU=Groups,DC=corp,DC=example,DC=com'],
          useraccountcontrol: ['514'],
          lastlogontimestamp: ['133512345678901234'],
          objectguid: ['Gis8TV5veoucrb7P0OHyAw=='],
          objectsid: ['AQUAAAAAAAUVAAAAobLD1OX2p7jJ0OHy9QEAAA=='],
          samaccountname: ['bstone'],
        },
      },
      {
        line: 39,
        dn: 'CN=svc-backup,OU=Service Accounts,DC=corp,DC=example,DC=com',
        attributes: {
          objectclass: ['top', 'person', 'organizationalPerson', 'user'],
          cn: ['svc-backup'],
          memberof: ['CN=Backup Operators,CN=Builtin,DC=corp,DC=example,DC=com'],
          useraccountcontrol: ['66048'],
          lastlogontimestamp: ['133610000000000000'],
          samaccountname: ['svc-backup'],
        },
      },
      {
        line: 51,
        dn: 'CN=Finance-AP,OU=Groups,DC=corp,DC=example,DC=com',
        attributes: {
          objectclass: ['top', 'group'],
          cn: ['Finance-AP'],
          description: ['Accounts payable clerks'],
          grouptype: ['-2147483646'],
          member: ['CN=Ann Lee,OU=Finance,OU=Staff,DC=corp,DC=example,DC=com', 'CN=Bob Stone,OU=Leavers,DC=corp,DC=example,DC=com'],
          objectguid: ['KzxNXm96i5ytvs/Q4fIDFA=='],
          samaccountname: ['Finance-AP'],
        },
      },
    ]);
    expect(source.notes).toEqual([
      'The file writes its entries as "changetype: add" records (as ldifde exports do); they were read as entries.',
      'Binary values (objectguid, objectsid) were kept as base64 text.',
    ]);
  });

  it('strips a UTF-8 BOM, reads UTF-16 with a BOM, and skips the ldapsearch trailer', async () => {
    const text = 'version: 1\n\ndn: uid=ann,dc=example,dc=com\ncn: Ann Lëe\n\n# search result\nsearch: 2\nresult: 0 Success\n\n# numEntries: 1\n';
    const expected = [{ line: 3, dn: 'uid=ann,dc=example,dc=com', attributes: { cn: ['Ann Lëe'] } }];
    expect(await entriesOf(await openLdif(file('bom.ldif', `\uFEFF${text}`)))).toEqual(expected);
    expect(await entriesOf(await openLdif(file('utf16.ldif', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))))).toEqual(expected);
  });

  it('streams a file across many 1 MB chunks (CRLF, folds split anywhere) and reports progress up to the total', async () => {
    const content = manyEntries(20_000, '\r\n');
    const path = file('many.ldif', content);
    const progress: number[] = [];
    const source = await openLdif(path, { onProgress: (read, total) => progress.push(read, total) });
    let count = 0;
    let last: PlainEntry | undefined;
    for await (const entry of source.entries()) {
      count++;
      last = plain(entry);
    }
    expect(count).toBe(20_000);
    expect(last).toEqual({
      line: 3 + 19_999 * 7,
      dn: 'uid=user19999,ou=People,dc=example,dc=com',
      attributes: {
        objectclass: ['person'],
        uid: ['user19999'],
        description: ['folded description number 19999 that is long enough that the exporter wrapped it onto a second line'],
        memberof: ['cn=group0,ou=Groups,dc=example,dc=com'],
      },
    });
    const total = Buffer.byteLength(content);
    expect(progress.length).toBeGreaterThan(2 * 4);
    expect(progress.slice(-2)).toEqual([total, total]);
    expect(source.notes).toEqual([]);
  });

  it('entries() reads again from the start, also after an early stop', async () => {
    const source = await openLdif(fixture('ad-users-groups.ldif'));
    for await (const entry of source.entries()) {
      expect(entry.dn).toMatch(/^CN=Ann Lee/);
      break;
    }
    expect((await entriesOf(source)).map((e) => e.line)).toEqual([2, 24, 39, 51]);
  });
});

describe('openLdif: refusals', () => {
  it('a change file: CORRUPT_FILE naming the changetype line', async () => {
    expect(await failure(openLdif(fixture('change-records.ldif')))).toEqual({
      code: 'CORRUPT_FILE',
      message: '"change-records.ldif" is an LDIF change file (line 4: "changetype: modify"), not a directory export; export the entries themselves (ldapsearch, or ldifde -f) and import that file.',
    });
  });

  it('a line without a colon: CORRUPT_FILE with the line', async () => {
    expect(await failure(openLdif(fixture('no-colon.ldif')))).toEqual({
      code: 'CORRUPT_FILE',
      message:
        '"no-colon.ldif", line 7: "the leading space of its continuation" is not an attribute line (it has no "name:" before its value); fix or remove that line (a folded line must start with one space), and import the file again.',
    });
  });

  it('malformed records: CORRUPT_FILE with the line', async () => {
    const cases: [string, string][] = [
      ['Account,Email\nalice,a@example.com\n', 'line 1: "Account,Email" is not an attribute line'],
      ['dn: uid=a,dc=x\ncn: A\ndn: uid=b,dc=x\n', 'line 3: a second "dn:" appears inside one entry'],
      ['cn: A\n', 'line 1: an entry starts with "cn:" instead of "dn:"'],
      ['dn: uid=a,dc=x\n\n continued\n', 'line 3: the line starts with a space'],
      ['dn: uid=a,dc=x\nphoto:: not*base64\n', 'line 2: the value of "photo" after "::" is not valid base64'],
      ['dn: uid=a,dc=x\nbad name: x\n', 'line 2: "bad name" is not an attribute name'],
    ];
    for (const [content, where] of cases) {
      const refused = await failure(openLdif(file('bad.ldif', content)).then(entriesOf));
      expect(refused.code).toBe('CORRUPT_FILE');
      expect(refused.message).toContain(`"bad.ldif", ${where}`);
    }
  });

  it('invalid UTF-8: NOT_TEXT with the line, at open or where the iterator meets it', async () => {
    const early = Buffer.concat([Buffer.from('dn: uid=a,dc=x\ncn: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(await failure(openLdif(file('latin1.ldif', early)))).toEqual({
      code: 'NOT_TEXT',
      message: '"latin1.ldif", line 2: the bytes are not valid UTF-8 text; LDIF must be UTF-8 (binary values base64-encoded after "::"), so export it again as UTF-8 and import the new file.',
    });

    // Past the first megabyte, the first entry reads and the iterator fails on the bad line.
    const head = manyEntries(5_000);
    const late = Buffer.concat([Buffer.from(head), Buffer.from('dn: uid=z,dc=x\ncn: '), Buffer.from([0xff]), Buffer.from('\n')]);
    const source = await openLdif(file('late.ldif', late));
    const refused = await failure(entriesOf(source));
    expect(refused).toMatchObject({ code: 'NOT_TEXT' });
    expect(refused.message).toContain(`line ${head.split('\n').length + 1}:`);
  });

  it('empty, comments only, a missing file, a folder, cancelled', async () => {
    expect(await failure(openLdif(file('empty.ldif', '')))).toEqual({ code: 'EMPTY_FILE', message: '"empty.ldif" is empty (0 bytes); export the directory entries again and import the new file.' });
    expect(await failure(openLdif(file('comments.ldif', '# nothing here\nversion: 1\n\n')))).toEqual({
      code: 'EMPTY_FILE',
      message: '"comments.ldif" has no entries (only comments, blank lines or a version line); export the directory entries again and import the new file.',
    });
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.ldif'));
    expect(await failure(openLdif(join(dir, 'missing.ldif')))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(openLdif(join(dir, 'folder.ldif')))).toMatchObject({ code: 'USAGE' });
    expect(await failure(openLdif(fixture('ad-users-groups.ldif'), { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
  });

  it('cancelling while iterating: CANCELLED at the next chunk', async () => {
    const controller = new AbortController();
    const source = await openLdif(file('many.ldif', manyEntries(10_000)), { signal: controller.signal });
    let seen = 0;
    const refused = await failure(
      (async () => {
        for await (const _ of source.entries()) if (++seen === 1) controller.abort();
      })(),
    );
    expect(refused.code).toBe('CANCELLED');
    expect(seen).toBeLessThan(10_000);
  });

  it('a value over the cell limit, on one line or folded: CELL_TOO_LARGE', async () => {
    const long = 'x'.repeat(READ_LIMITS.maxCellChars + 2000);
    const folded = long.match(/.{1,76}/g)!.join('\n ');
    for (const value of [long, folded]) {
      const refused = await failure(openLdif(file('long.ldif', `dn: uid=a,dc=x\ndescription: ${value}\n`)));
      expect(refused).toEqual({
        code: 'CELL_TOO_LARGE',
        message: '"long.ldif", line 2: the value is longer than 1,000,000 characters, more than Attest reads from one value; leave that attribute out of the export and export again.',
      });
    }
  });
});
