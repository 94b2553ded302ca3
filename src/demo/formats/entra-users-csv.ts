import { blankRecord, csvText, trueFalse } from '../csv-text.js';
import type { CsvRecord } from '../csv-text.js';
import type { EntraUser } from '../model.js';

/** Microsoft Entra ID "Download users" CSV (CRLF), ordered by display name as the portal lists them. */

export const ENTRA_USERS_COLUMNS = [
  'userPrincipalName', 'displayName', 'surname', 'mail', 'givenName', 'objectId', 'userType', 'jobTitle', 'department',
  'accountEnabled', 'usageLocation', 'streetAddress', 'state', 'country', 'physicalDeliveryOfficeName', 'city',
  'postalCode', 'telephoneNumber', 'mobile', 'authenticationAlternativePhoneNumber', 'authenticationEmail',
  'alternateEmailAddress', 'ageGroup', 'consentProvidedForMinor', 'legalAgeGroupClassification',
] as const;

function entraRecord(u: EntraUser): CsvRecord<typeof ENTRA_USERS_COLUMNS> {
  const office = u.office;
  return {
    ...blankRecord(ENTRA_USERS_COLUMNS),
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    surname: u.surname,
    mail: u.mail,
    givenName: u.givenName,
    objectId: u.objectId,
    userType: u.userType,
    jobTitle: u.jobTitle,
    department: u.department,
    accountEnabled: trueFalse(u.accountEnabled),
    usageLocation: office?.countryCode ?? '',
    streetAddress: office?.street ?? '',
    state: office?.state ?? '',
    country: office?.country ?? '',
    physicalDeliveryOfficeName: office?.name ?? '',
    city: office?.city ?? '',
    postalCode: office?.postalCode ?? '',
    telephoneNumber: u.telephoneNumber,
  };
}

const byDisplayName = (a: EntraUser, b: EntraUser): number => {
  const ka = `${a.displayName}\u0000${a.userPrincipalName}`;
  const kb = `${b.displayName}\u0000${b.userPrincipalName}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function entraUsersCsv(users: readonly EntraUser[]): string {
  return csvText(ENTRA_USERS_COLUMNS, [...users].sort(byDisplayName).map(entraRecord));
}
