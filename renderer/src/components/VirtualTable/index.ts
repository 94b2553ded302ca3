export { VirtualTable, type VirtualColumn, type VirtualTableProps } from './VirtualTable';
