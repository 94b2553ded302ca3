export { WorkbooksPanel } from './WorkbooksPanel';
