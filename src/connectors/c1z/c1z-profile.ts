import type { SyncProfile } from '../../ingest/profile.js';
import { readSyncFile } from './read-sync-file.js';

/** ConductorOne baton sync files (`.c1z`, v1), detected by their magic bytes. */
export const c1zProfile: SyncProfile = {
  kind: 'c1z',
  name: 'c1z',
  content: 'access',
  description: 'ConductorOne baton sync file (.c1z v1): accounts, entitlements and grants of the latest finished full sync',
  mapSync: (source, fileName, index, sink, options) => readSyncFile(source.path, fileName, index, sink, options),
};
