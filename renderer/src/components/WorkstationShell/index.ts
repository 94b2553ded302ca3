export { WorkstationShell, type NavItem, type WorkstationShellProps } from './WorkstationShell';
