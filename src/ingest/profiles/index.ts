import { batonJsonProfile } from '../../connectors/c1z/baton-json-profile.js';
import { c1zProfile } from '../../connectors/c1z/c1z-profile.js';
import type { Profile } from '../profile.js';
import { adLdifProfile } from './ad-ldif.js';
import { awsAuthorizationDetailsProfile } from './aws-authorization-details.js';
import { TABLE_PROFILES } from './table-profiles.js';

/** Every profile Attest reads, in the order `attest profiles` lists them. */
export const PROFILES: readonly Profile[] = [...TABLE_PROFILES, awsAuthorizationDetailsProfile, adLdifProfile, c1zProfile, batonJsonProfile];
