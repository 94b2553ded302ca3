import { coreModel } from './001-core-model.js';
import { savedMappings } from './002-saved-mappings.js';
import { sourceDetails } from './003-source-details.js';
import { connections } from './004-connections.js';
import { samples } from './005-samples.js';
import { analytics } from './006-analytics.js';
import { sod } from './007-sod.js';
import { correlations } from './008-correlations.js';
import { campaigns } from './009-campaigns.js';
import { decisionWithdraw } from './010-decision-withdraw.js';
import { decisionUndoes } from './011-decision-undoes.js';
import type { Migration } from './migration.js';

/** Every migration, in order. Append new files here; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [coreModel, savedMappings, sourceDetails, connections, samples, analytics, sod, correlations, campaigns, decisionWithdraw, decisionUndoes];

export const SCHEMA_VERSION = MIGRATIONS.length;
export type { Migration };
