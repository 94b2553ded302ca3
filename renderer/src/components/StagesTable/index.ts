export { StagesTable } from './StagesTable';
