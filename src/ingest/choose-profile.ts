import { AttestError } from '../errors.js';
import type { Profile } from './profile.js';
import { PROFILES } from './profiles/index.js';
import type { LdifEntry, Source } from './source.js';

export interface Candidate {
  name: string;
  score: number;
}

/** Below this no profile claims a file; within AMBIGUITY of the best, two profiles both do. */
const MIN_SCORE = 0.3;
const AMBIGUITY = 0.1;

async function firstEntry(source: Source): Promise<LdifEntry | undefined> {
  if (source.kind !== 'ldif') return undefined;
  for await (const entry of source.entries()) return entry;
  return undefined;
}

/** Every profile that reads this kind of source, best first, with how sure each is. */
export async function rankProfiles(source: Source): Promise<Candidate[]> {
  const entry = await firstEntry(source);
  const scored = PROFILES.map((profile): Candidate => {
    let score = 0;
    if (profile.kind === 'table' && source.kind === 'table') score = profile.detect(source.header);
    else if (profile.kind === 'ldif' && entry) score = profile.detect(entry);
    else if (profile.kind === 'json' && source.kind === 'json') score = profile.detect(source.document);
    else if (profile.kind === 'c1z' && source.kind === 'c1z') score = 1;
    return { name: profile.name, score };
  });
  return scored.filter((c) => c.score > 0).sort((a, b) => b.score - a.score);
}

export function findProfile(name: string): Profile {
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    throw new AttestError('USAGE', `There is no profile "${name}". Run "attest profiles" for the list: ${PROFILES.map((p) => p.name).join(', ')}.`);
  }
  return profile;
}

function describe(candidates: readonly Candidate[]): string {
  return candidates.slice(0, 4).map((c) => `${c.name} (${Math.round(c.score * 100)}%)`).join(', ');
}

/**
 * The profile for a file: the one forced with --profile (checked against the file's kind), or
 * the single clear best match. An unknown or ambiguous file is refused with the candidates named.
 */
export async function chooseProfile(fileName: string, source: Source, forced?: string): Promise<{ profile: Profile; candidates: Candidate[] }> {
  const candidates = await rankProfiles(source);
  if (forced !== undefined) {
    const profile = findProfile(forced);
    const reads = profile.kind === 'table' ? 'table' : profile.kind;
    if (reads !== source.kind) {
      throw new AttestError('IMPORT_REJECTED', `The profile ${profile.name} reads ${reads === 'table' ? 'CSV or spreadsheet' : reads.toUpperCase()} files, but ${fileName} is ${source.kind === 'table' ? 'a table' : source.kind.toUpperCase()}. Choose another profile, or leave --profile out to detect it.`);
    }
    return { profile, candidates };
  }
  const [best, second] = candidates;
  if (!best || best.score < MIN_SCORE) {
    const hint = candidates.length > 0 ? ` Closest: ${describe(candidates)}.` : '';
    throw new AttestError('UNKNOWN_FORMAT', `No profile recognises ${fileName}.${hint} Name one with --profile (see "attest profiles"), or use the generic "grants" or "hr" layout with --mapping.`);
  }
  if (second && second.score >= MIN_SCORE && best.score - second.score < AMBIGUITY) {
    throw new AttestError('AMBIGUOUS_FORMAT', `${fileName} could be read by several profiles: ${describe(candidates)}. Choose one with --profile.`);
  }
  return { profile: findProfile(best.name), candidates };
}
