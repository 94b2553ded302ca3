/**
 * What a directory entry is, by its object classes: Active Directory (user, group) and
 * OpenLDAP / RFC 2307 / 389-DS shapes (inetOrgPerson, posixAccount, groupOfNames,
 * groupOfUniqueNames, posixGroup).
 */
export type EntryKind = 'user' | 'managed-service-account' | 'group' | 'other';

const USER_CLASSES = ['user', 'person', 'inetorgperson', 'posixaccount'];
const GROUP_CLASSES = ['group', 'groupofnames', 'groupofuniquenames', 'posixgroup'];
/** Managed service accounts derive from computer, but sign in and hold groups like users. */
const MANAGED_SERVICE_ACCOUNT_CLASSES = ['msds-managedserviceaccount', 'msds-groupmanagedserviceaccount'];
/** Known not to be people or groups: skipped even when a search returns them. */
const OTHER_CLASSES = ['computer', 'contact'];

/** The entry's kind, or undefined when no class says (the search that found it may). */
export function kindOfClasses(classes: ReadonlySet<string>): EntryKind | undefined {
  if (GROUP_CLASSES.some((c) => classes.has(c))) return 'group';
  if (MANAGED_SERVICE_ACCOUNT_CLASSES.some((c) => classes.has(c))) return 'managed-service-account';
  if (OTHER_CLASSES.some((c) => classes.has(c))) return 'other';
  return USER_CLASSES.some((c) => classes.has(c)) ? 'user' : undefined;
}
