import { coreModel } from './001-core-model.js';
import { savedMappings } from './002-saved-mappings.js';
import { connections } from './003-connections.js';
import type { Migration } from './migration.js';

/** Every migration, in order. Append new files here; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [coreModel, savedMappings, connections];

export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
