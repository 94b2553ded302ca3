import { createHash } from 'node:crypto';
import { FilterParser } from 'ldapts';
import type { Progress } from '../../api/result.js';
import { AttestError } from '../../errors.js';
import { groupEntitlement, mapDirectoryEntry } from '../../ingest/directory/map-directory-entry.js';
import { landSnapshot } from '../../ingest/land-snapshot.js';
import { RowRejected } from '../../ingest/profile.js';
import { RecordResolver } from '../../ingest/record-resolver.js';
import type { LdifEntry } from '../../ingest/source.js';
import type { Workspace } from '../../store/workspace.js';
import { canonicalOrder, entriesDigest } from './canonical-entries.js';
import type { LdapPullRequest, LdapPullResult, LdapSearchReport } from './ldap-pull-request.js';
import { withLdapSession } from './ldap-session.js';
import { DEFAULT_GROUP_FILTER, DEFAULT_USER_FILTER, parseLdapUrl, searchUrl, type LdapEndpoint, type LdapSettings } from './ldap-settings.js';
import { dnKey, MembershipGraph } from './membership-graph.js';
import { pagedSearch } from './paged-search.js';
import { withPrimaryGroups } from './primary-groups.js';
import { readSavedConnection, saveConnection } from './saved-connections.js';

export interface PullContext {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: Progress) => void) | undefined;
}

const DEFAULT_PAGE_SIZE = 500;
const PROFILE = 'ldap-directory';

interface ResolvedPull {
  settings: LdapSettings;
  endpoint: LdapEndpoint;
  password: string | undefined;
  system: string | undefined;
}

function checkFilter(option: string, filter: string): void {
  try {
    FilterParser.parseString(filter);
  } catch (error) {
    throw new AttestError('USAGE', `${option} "${filter}" is not an LDAP filter (${(error as Error).message}). Write it as RFC 4515 says, for example (&(objectClass=person)(uid=*)).`);
  }
}

/** The request's settings over the saved connection's; what is still missing is asked for. */
function resolvePull(ws: Workspace, request: LdapPullRequest): ResolvedPull {
  const saved = request.connection === undefined ? undefined : readSavedConnection(ws.db, request.connection);
  const url = request.url ?? saved?.settings.url;
  if (url === undefined) throw new AttestError('USAGE', 'Name the directory server with --url ldap://host[:port] or ldaps://host[:port] (or --connection NAME for a saved one).');
  const base = request.base;
  const userBase = request.userBase ?? base ?? saved?.settings.userBase;
  const groupBase = request.groupBase ?? base ?? saved?.settings.groupBase;
  if (userBase === undefined || groupBase === undefined) {
    throw new AttestError('USAGE', 'Name where to search with --base DN (for example --base dc=example,dc=org), or with --user-base and --group-base.');
  }
  const settings: LdapSettings = {
    url,
    bindDn: request.bindDn ?? saved?.settings.bindDn,
    userBase,
    groupBase,
    userFilter: request.userFilter ?? saved?.settings.userFilter ?? DEFAULT_USER_FILTER,
    groupFilter: request.groupFilter ?? saved?.settings.groupFilter ?? DEFAULT_GROUP_FILTER,
    startTls: request.startTls ?? saved?.settings.startTls ?? false,
    caFile: request.caFile ?? saved?.settings.caFile,
  };
  const endpoint = parseLdapUrl(settings.url);
  if (endpoint.secure && settings.startTls) throw new AttestError('USAGE', '--starttls upgrades an ldap:// connection; an ldaps:// one is encrypted already. Drop one of them.');
  checkFilter('--user-filter', settings.userFilter);
  checkFilter('--group-filter', settings.groupFilter);
  const password = request.password ?? saved?.password;
  if (settings.bindDn !== undefined && (password === undefined || password === '')) {
    // An empty password would be an "unauthenticated bind": many servers accept it as anonymous.
    throw new AttestError('USAGE', `No password for ${settings.bindDn}: set ATTEST_LDAP_PASSWORD, or run in a terminal to be asked.`);
  }
  return { settings, endpoint, password, system: request.system ?? saved?.system };
}

interface Pulled {
  users: LdifEntry[];
  groups: LdifEntry[];
  searches: LdapSearchReport[];
  referrals: number;
  /** Memberships added from users' primaryGroupID (see primary-groups.ts). */
  primaryGroups: number;
}

async function pullEntries(resolved: ResolvedPull, pageSize: number, ctx: PullContext): Promise<Pulled> {
  const { settings, endpoint } = resolved;
  return withLdapSession(settings, endpoint, resolved.password, ctx.signal, async (client) => {
    const searches: LdapSearchReport[] = [];
    const ordered: LdifEntry[][] = [];
    let referrals = 0;
    for (const [name, base, filter] of [['users', settings.userBase, settings.userFilter], ['groups', settings.groupBase, settings.groupFilter]] as const) {
      const onPage = (entries: number): void => ctx.onProgress?.({ phase: `Reading ${name} from ${endpoint.url}`, done: entries, total: 0 });
      const outcome = await pagedSearch(client, base, filter, { server: endpoint.url, bindDn: settings.bindDn, pageSize, signal: ctx.signal, onPage });
      const entries = canonicalOrder(outcome.entries);
      referrals += outcome.referrals;
      ordered.push(entries);
      searches.push({ name, url: searchUrl(endpoint, base, filter), base, filter, entries: entries.length, ...entriesDigest(entries) });
    }
    const [users = [], groups = []] = ordered;
    // An entry both searches found is mapped once, by its object classes (from the groups' side).
    const groupKeys = new Set(groups.map((g) => dnKey(g.dn)));
    const primary = withPrimaryGroups(users.filter((u) => !groupKeys.has(dnKey(u.dn))), groups);
    return { users: primary.users, groups, searches, referrals, primaryGroups: primary.added };
  });
}

/** Maps one entry as one record; a rejection names the entry's DN. Returns the resolver's verdict. */
function mapRecord(resolver: RecordResolver, source: number, entry: LdifEntry, map: () => void): void {
  resolver.beginRecord(source, entry.line);
  try {
    map();
  } catch (error) {
    if (!(error instanceof RowRejected)) throw error;
    resolver.reject(`${entry.dn}: ${error.message}`);
  }
  resolver.endRecord();
}

/**
 * Pulls users and groups from a live LDAP directory (Active Directory, OpenLDAP…) and lands them
 * as one snapshot, exactly as an LDIF import of the same entries would map them, with the server,
 * bases and filters as its provenance. The directory is read first (the workspace is not held
 * meanwhile); the snapshot then lands in one transaction, or not at all.
 */
export async function pullLdap(ws: Workspace, request: LdapPullRequest, ctx: PullContext = {}): Promise<LdapPullResult> {
  const resolved = resolvePull(ws, request);
  const { settings, endpoint } = resolved;
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const nested = request.nested === true;
  const pulled = await pullEntries(resolved, pageSize, ctx);
  const graph = new MembershipGraph(pulled.users, pulled.groups);
  const looksLikeAd = pulled.users.some((u) => u.attributes.has('samaccountname'));
  const system = resolved.system?.trim() || (looksLikeAd ? 'Active Directory' : 'LDAP directory');
  const total = pulled.users.length + pulled.groups.length;
  let inherited = 0;

  const records = (resolver: RecordResolver): void => {
    let done = 0;
    const step = (): void => {
      done += 1;
      if (ctx.signal?.aborted) throw new AttestError('CANCELLED', 'The pull was cancelled; nothing was imported.');
      if (done % 256 === 0 || done === total) ctx.onProgress?.({ phase: `Landing the directory of ${endpoint.url}`, done, total });
    };
    for (const user of graph.users) {
      mapRecord(resolver, 0, user, () => {
        mapDirectoryEntry(user, resolver, { fallbackKind: 'user', memberDnOfUid: graph.userDnOfUid });
        if (!nested) return;
        for (const { group, via } of graph.inheritedGroups(user.dn)) {
          resolver.entitlement(groupEntitlement(group));
          resolver.grant(user.dn, group, `group:${via}`);
          inherited += 1;
        }
      });
      step();
    }
    for (const group of graph.groups) {
      mapRecord(resolver, 1, group, () => void mapDirectoryEntry(group, resolver, { fallbackKind: 'group', memberDnOfUid: graph.userDnOfUid }));
      step();
    }
    if (ctx.signal?.aborted) throw new AttestError('CANCELLED', 'The pull was cancelled; nothing was imported.');
  };

  const work = async (): Promise<LdapPullResult> => {
    const landed = await landSnapshot(ws, {
      system,
      content: 'access',
      operator: request.operator,
      // The directory is as of now, unless the user says otherwise.
      asOf: request.asOf ?? new Date().toISOString().slice(0, 10),
      sourceNames: pulled.searches.map((s) => s.url),
      sourceNoun: 'the directory searches',
      records: (store, next) => {
        const resolver = new RecordResolver(store, next.account, next.entitlement);
        records(resolver);
        return Promise.resolve(resolver.finish());
      },
      provenance: ({ snapshotId, sourceIds }) => {
        const source = ws.db.prepare('INSERT INTO snapshot_sources (id, snapshot_id, ordinal, file_name, sha256, size_bytes, profile, encoding) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)');
        const search = ws.db.prepare('INSERT INTO source_searches (source_id, server, bind_dn, base, scope, filter, page_size, entries, nested_groups) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const [index, s] of pulled.searches.entries()) {
          source.run(sourceIds[index], snapshotId, index, s.url, s.sha256, s.sizeBytes, `ldap-${s.name}`);
          search.run(sourceIds[index], endpoint.url, settings.bindDn ?? null, s.base, 'sub', s.filter, pageSize, s.entries, nested ? 1 : 0);
        }
        if (request.saveConnection !== undefined) saveConnection(ws.db, request.saveConnection, { settings, system: resolved.system, password: resolved.password }, request.operator);
        return {
          profile: PROFILE,
          mapping: undefined,
          fileName: endpoint.url,
          // As for several files: the SHA-256 of the searches' hashes joined by newlines.
          sha256: createHash('sha256').update(pulled.searches.map((s) => s.sha256).join('\n')).digest('hex'),
          sizeBytes: pulled.searches.reduce((sum, s) => sum + s.sizeBytes, 0),
        };
      },
      noRecordsMessage: `The searches of ${endpoint.url} found no users or groups (users under "${settings.userBase}" matching ${settings.userFilter}; groups under "${settings.groupBase}" matching ${settings.groupFilter}). Check --base and the filters, and that ${settings.bindDn ?? 'an anonymous bind'} may read them.`,
      allRejectedAdvice: 'Check the filters: they should find user and group entries.',
    });
    const notes = [...landed.notes];
    if (!endpoint.secure && !settings.startTls && settings.bindDn !== undefined) notes.push(`The password was sent to ${endpoint.url} unencrypted: use ldaps:// or --starttls.`);
    if (pulled.referrals > 0) notes.push(`${pulled.referrals} referral${pulled.referrals === 1 ? '' : 's'} to other servers (other domains' parts of the tree) were not followed.`);
    if (pulled.primaryGroups > 0) notes.push(`${pulled.primaryGroups.toLocaleString('en-US')} membership${pulled.primaryGroups === 1 ? '' : 's'} read from primaryGroupID (a primary group is in neither member nor memberOf).`);
    if (nested) notes.push(`${inherited.toLocaleString('en-US')} grant${inherited === 1 ? '' : 's'} inherited through nested groups (via: the member's own group).`);
    return {
      ...landed, notes, dryRun: request.dryRun === true, server: endpoint.url, bindDn: settings.bindDn ?? null, nestedGroups: nested,
      searches: pulled.searches, savedConnection: request.saveConnection ?? null,
    };
  };
  return ws.changeAsync(
    request.operator,
    'snapshot.pulled',
    work,
    (r) => ({
      snapshotId: r.snapshotId, system: r.system, profile: r.profile, sha256: r.sha256, asOf: r.asOf, server: r.server, bindDn: r.bindDn, nestedGroups: r.nestedGroups,
      searches: r.searches.map(({ name, base, filter, entries, sha256 }) => ({ name, base, filter, entries, sha256 })),
      rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsRejected: r.rowsRejected, savedConnection: r.savedConnection,
    }),
    { dryRun: request.dryRun === true },
  );
}
