export { ItemDrawer, type ItemDrawerProps } from './ItemDrawer';
