import type { LdifProfile } from '../profile.js';
import type { LdifEntry } from '../source.js';
import { hasDomainComponent } from '../directory/distinguished-name.js';
import { kindOfClasses } from '../directory/entry-kind.js';
import { objectClasses } from '../directory/entry-values.js';
import { mapDirectoryEntry } from '../directory/map-directory-entry.js';
import { PrimaryGroupTracker } from '../directory/primary-group.js';

/**
 * Active Directory (and other directories') users and groups as LDIF (ldifde, ldapsearch), mapped
 * by the same code as a live LDAP pull (src/ingest/directory/). Only direct memberships are read:
 * a user in a group nested in Domain Admins is not seen as a Domain Admin. A user's primary group
 * (primaryGroupID, in neither member nor memberOf) is a membership when the group is in the file. posixGroup's memberUid
 * is not read from a file (a streamed file cannot name the users' DNs before it reaches them).
 */

const AD_ATTRIBUTES = ['samaccountname', 'useraccountcontrol', 'objectsid', 'objectguid'];
const DIRECTORY_CLASSES = ['organizationalunit', 'container', 'domain', 'domaindns', 'builtindomain', 'computer'];

function detect(first: LdifEntry): number {
  const classes = objectClasses(first);
  const domainDn = hasDomainComponent(first.dn);
  const kind = kindOfClasses(classes);
  if (kind !== undefined && kind !== 'other') {
    return AD_ATTRIBUTES.some((a) => first.attributes.has(a)) || domainDn ? 0.9 : 0;
  }
  // ldifde and ldapsearch often start with the search base (the domain or an OU): likely, not sure.
  return domainDn && DIRECTORY_CLASSES.some((c) => classes.has(c)) ? 0.5 : 0;
}

export const adLdifProfile: LdifProfile = {
  kind: 'ldif',
  name: 'ad-ldif',
  content: 'access',
  description: 'Active Directory users and groups as LDIF (ldifde, ldapsearch): accounts, group memberships, disabled, service and privileged accounts',
  defaultSystem: 'Active Directory',
  detect,
  mapper: () => {
    const primaryGroups = new PrimaryGroupTracker();
    return (entry, sink) => {
      const kind = mapDirectoryEntry(entry, sink);
      primaryGroups.see(entry, kind, sink);
    };
  },
};
