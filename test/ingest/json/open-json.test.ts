import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS } from '../../../src/ingest/source.js';
import { jsonErrorOffset } from '../../../src/ingest/readers/json/json-error-offset.js';
import { openJson } from '../../../src/ingest/readers/json/open-json.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { failure } from '../../helpers/attest-failure.js';

const tempDir = useTempDirs();
const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/json/${name}`, import.meta.url));

function file(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

interface AuthorizationDetails {
  UserDetailList: { UserName: string; GroupList: string[]; UserPolicyList?: { PolicyName: string; PolicyDocument: string }[] }[];
  GroupDetailList: { GroupName: string }[];
  RoleDetailList: { RoleName: string; AssumeRolePolicyDocument: string }[];
  Policies: { PolicyName: string; PolicyVersionList: { Document: string; IsDefaultVersion: boolean }[] }[];
  IsTruncated: boolean;
}

describe('openJson', () => {
  it('reads an AWS get-account-authorization-details export, policy documents left URL-encoded as the API returns them', async () => {
    const source = await openJson(fixture('aws-authorization-details.json'));
    expect(source.kind).toBe('json');
    expect(source.notes).toEqual([]);
    const doc = source.document as AuthorizationDetails;
    expect(Object.keys(doc)).toEqual(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies', 'IsTruncated']);
    expect(doc.UserDetailList.map((u) => [u.UserName, u.GroupList])).toEqual([
      ['alice', ['Admins']],
      ['bob', []],
    ]);
    expect(doc.GroupDetailList.map((g) => g.GroupName)).toEqual(['Admins']);
    expect(doc.RoleDetailList.map((r) => r.RoleName)).toEqual(['app-server']);
    expect(doc.Policies.map((p) => p.PolicyName)).toEqual(['BillingViewer', 'AdministratorAccess']);
    const inline = doc.UserDetailList[0]!.UserPolicyList![0]!.PolicyDocument;
    expect(inline).toMatch(/^%7B%22Version%22/);
    expect(JSON.parse(decodeURIComponent(inline))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'ReadReports', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::example-reports', 'arn:aws:s3:::example-reports/*'] }],
    });
    expect(JSON.parse(decodeURIComponent(doc.RoleDetailList[0]!.AssumeRolePolicyDocument))).toMatchObject({ Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }] });
  });

  it('strips a UTF-8 byte-order mark', async () => {
    expect((await openJson(file('bom.json', '\uFEFF{"IsTruncated": false}'))).document).toEqual({ IsTruncated: false });
  });

  it('__proto__ becomes an own property and pollutes nothing', async () => {
    const { document } = await openJson(file('proto.json', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}'));
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.keys(document as object)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(document, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('invalid JSON: CORRUPT_FILE with the line and column', async () => {
    expect(await failure(openJson(file('bad.json', '{\n  "UserDetailList": [],\n  "Marker": x\n}\n')))).toEqual({
      code: 'CORRUPT_FILE',
      message: `"bad.json" is not valid JSON: Unexpected token 'x' at line 3, column 13; export it again, complete, and import the new file.`,
    });
    expect(await failure(openJson(file('cut.json', '{\n  "UserDetailList": [\n    {"UserName": "alice"')))).toEqual({
      code: 'CORRUPT_FILE',
      message: `"cut.json" is not valid JSON: Expected ',' or '}' after property value at the end of the file (line 3), so it looks cut short; export it again, complete, and import the new file.`,
    });
    expect(await failure(openJson(file('two.json', '{"a": 1}\n{"b": 2}\n')))).toMatchObject({ message: expect.stringContaining('at line 2, column 1') as unknown });
  });

  it('empty, blank, not UTF-8, too large (refused by its size, unread), missing, a folder, cancelled', async () => {
    expect(await failure(openJson(file('empty.json', '')))).toEqual({ code: 'EMPTY_FILE', message: '"empty.json" is empty; export the JSON again and import the new file.' });
    expect(await failure(openJson(file('blank.json', ' \r\n\t\n')))).toMatchObject({ code: 'EMPTY_FILE' });
    expect(await failure(openJson(file('latin1.json', Buffer.from('{"name": "Zo\xeb"}', 'latin1'))))).toEqual({
      code: 'NOT_TEXT',
      message: '"latin1.json" is not UTF-8 text, so it is not a JSON export; export it again as JSON (UTF-8) and import the new file.',
    });

    const big = file('big.json', '{');
    const fd = openSync(big, 'r+');
    ftruncateSync(fd, READ_LIMITS.maxWholeFileBytes + 1); // sparse: no disk used
    closeSync(fd);
    expect(await failure(openJson(big))).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '"big.json" is 512.0 MB, more than the 512 MB Attest reads from one JSON file; export it in parts (for example with --max-items and the NextToken/Marker it returns) and import each part.',
    });

    const dir = tempDir();
    mkdirSync(join(dir, 'folder.json'));
    expect(await failure(openJson(join(dir, 'missing.json')))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(openJson(join(dir, 'folder.json')))).toMatchObject({ code: 'USAGE' });
    expect(await failure(openJson(fixture('aws-authorization-details.json'), { signal: AbortSignal.abort() }))).toMatchObject({ code: 'CANCELLED' });
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, and finds the first fault', () => {
    const cases: [string, number][] = [
      ['{}', -1],
      [' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": []}] ', -1],
      ['"\\ud800"', -1],
      ['', 0],
      ['{"a":}', 5],
      ['[1,2,]', 5],
      ['[01]', 2],
      ['{"a" 1}', 5],
      ['{"a":1,}', 7],
      ['{a:1}', 1],
      ['"tab\there"', 4],
      ['"bad \\x escape"', 5],
      ['[1] [2]', 4],
      ['[', 1],
      ['{"a":"unterminated', 18],
      ['-', 0],
      ['tru', 0],
    ];
    for (const [text, offset] of cases) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
      expect([text, valid]).toEqual([text, offset === -1]);
    }
  });

  it('survives deep nesting without a stack overflow', () => {
    expect(jsonErrorOffset('['.repeat(1_000_000))).toBe(1_000_000);
  });
});
