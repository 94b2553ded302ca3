import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { TEST_SCHEMA } from './test-schema.js';

/** A real OpenLDAP server on loopback, with its own configuration, data and certificates in a temporary folder. */
export interface Slapd {
  /** ldap://127.0.0.1:PORT (StartTLS available) */
  url: string;
  /** ldaps://127.0.0.1:PORT, with a certificate signed by `caFile`. */
  ldapsUrl: string;
  /** PEM of the test CA. */
  caFile: string;
  dir: string;
  stop: () => Promise<void>;
}

export const SUFFIX = 'dc=example,dc=org';
export const READER_DN = `cn=reader,${SUFFIX}`;
export const READER_PASSWORD = 'reader-secret-42';
/** The reader's size limit without paging: a pull of more entries works only if it pages. */
export const READER_SIZE_LIMIT = 15;

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr}`);
  }
}

/** A CA and a server certificate for 127.0.0.1 / localhost signed by it. */
function makeCertificates(dir: string): void {
  const at = (name: string): string => join(dir, name);
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '2', '-subj', '/CN=Attest Test CA']);
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=localhost']);
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  run('openssl', ['x509', '-req', '-in', at('server.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.crt'), '-days', '2', '-extfile', at('server.ext')]);
}

function config(dir: string): string {
  return `
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include ${join(dir, 'test.schema')}
modulepath /usr/lib/ldap
moduleload back_mdb
# For the schema of pwdAccountLockedTime (a disabled marker the connector reads).
moduleload ppolicy
pidfile ${join(dir, 'slapd.pid')}
argsfile ${join(dir, 'slapd.args')}
TLSCACertificateFile ${join(dir, 'ca.crt')}
TLSCertificateFile ${join(dir, 'server.crt')}
TLSCertificateKeyFile ${join(dir, 'server.key')}

database mdb
suffix "${SUFFIX}"
rootdn "cn=admin,${SUFFIX}"
rootpw not-used-${Math.random().toString(36).slice(2)}
directory ${join(dir, 'db')}
maxsize 67108864
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
limits dn.exact="${READER_DN}" size.soft=${READER_SIZE_LIMIT} size.hard=${READER_SIZE_LIMIT} size.prtotal=unlimited
`;
}

async function waitUntilListening(child: ChildProcess, ports: number[], log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited with ${child.exitCode}: ${log()}`);
    if ((await Promise.all(ports.map(accepts))).every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`slapd did not listen within 15 s: ${log()}`);
}

/** Seeds a fresh database with `ldif` (slapadd) and starts slapd in the foreground (-d 0), tracked by its pid. */
export async function startSlapd(ldif: string): Promise<Slapd> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-slapd-'));
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    mkdirSync(join(dir, 'db'));
    writeFileSync(join(dir, 'test.schema'), TEST_SCHEMA);
    writeFileSync(join(dir, 'slapd.conf'), config(dir));
    writeFileSync(join(dir, 'seed.ldif'), ldif);
    makeCertificates(dir);
    run(SLAPADD, ['-f', join(dir, 'slapd.conf'), '-l', join(dir, 'seed.ldif')]);
    const [port, tlsPort] = [await freePort(), await freePort()] as [number, number];
    let log = '';
    child = spawn(SLAPD, ['-d', '0', '-f', join(dir, 'slapd.conf'), '-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const running = child;
    // If the test process dies first, the server goes with it.
    process.once('exit', () => running.kill('SIGKILL'));
    await waitUntilListening(child, [port, tlsPort], () => log);
    return { url: `ldap://127.0.0.1:${port}`, ldapsUrl: `ldaps://127.0.0.1:${tlsPort}`, caFile: join(dir, 'ca.crt'), dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One server for the file's tests: started before them, stopped (and its folder removed) after them, pass or fail. */
export function useSlapd(ldif: string): () => Slapd {
  let server: Slapd | undefined;
  beforeAll(async () => {
    server = await startSlapd(ldif);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('slapd is not running');
    return server;
  };
}
