/**
 * Just enough of Active Directory's schema for OpenLDAP to hold AD-shaped entries (user, group,
 * computer with sAMAccountName, userAccountControl, binary objectSid / objectGUID, FILETIME
 * lastLogonTimestamp, memberOf as a plain attribute, primaryGroupID), and 389-DS's nsAccountLock. OIDs from
 * OpenLDAP's experimental arc (1.3.6.1.4.1.4203.666): for tests only.
 */
const OID = '1.3.6.1.4.1.4203.666.11.99';
const STRING = '1.3.6.1.4.1.1466.115.121.1.15';
const INTEGER = '1.3.6.1.4.1.1466.115.121.1.27';
const OCTETS = '1.3.6.1.4.1.1466.115.121.1.40';
const DN = '1.3.6.1.4.1.1466.115.121.1.12';

export const TEST_SCHEMA = `
attributetype ( ${OID}.1.1 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch SYNTAX ${STRING} SINGLE-VALUE )
attributetype ( ${OID}.1.2 NAME 'userAccountControl' EQUALITY integerMatch SYNTAX ${INTEGER} SINGLE-VALUE )
attributetype ( ${OID}.1.3 NAME 'objectSid' EQUALITY octetStringMatch SYNTAX ${OCTETS} SINGLE-VALUE )
attributetype ( ${OID}.1.4 NAME 'objectGUID' EQUALITY octetStringMatch SYNTAX ${OCTETS} SINGLE-VALUE )
attributetype ( ${OID}.1.5 NAME 'lastLogonTimestamp' EQUALITY integerMatch SYNTAX ${INTEGER} SINGLE-VALUE )
attributetype ( ${OID}.1.6 NAME 'memberOf' EQUALITY distinguishedNameMatch SYNTAX ${DN} )
attributetype ( ${OID}.1.7 NAME 'userPrincipalName' EQUALITY caseIgnoreMatch SYNTAX ${STRING} SINGLE-VALUE )
attributetype ( ${OID}.1.8 NAME 'nsAccountLock' EQUALITY caseIgnoreMatch SYNTAX ${STRING} SINGLE-VALUE )
attributetype ( ${OID}.1.9 NAME 'primaryGroupID' EQUALITY integerMatch SYNTAX ${INTEGER} SINGLE-VALUE )
objectclass ( ${OID}.2.1 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ( sAMAccountName $ userAccountControl $ objectSid $ objectGUID $ lastLogonTimestamp $ memberOf $ userPrincipalName $ mail $ displayName $ primaryGroupID ) )
objectclass ( ${OID}.2.2 NAME 'computer' SUP user STRUCTURAL )
objectclass ( ${OID}.2.3 NAME 'group' SUP top STRUCTURAL MUST cn MAY ( member $ sAMAccountName $ objectSid $ objectGUID $ description $ memberOf ) )
objectclass ( ${OID}.2.4 NAME 'lockableAccount' SUP top AUXILIARY MAY nsAccountLock )
`;
