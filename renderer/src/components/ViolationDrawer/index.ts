export { ViolationDrawer, type ViolationDrawerProps } from './ViolationDrawer';
