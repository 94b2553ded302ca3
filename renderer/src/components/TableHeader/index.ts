export { TableHeader, type TableHeaderProps } from './TableHeader';
