export { ImportResultView, type ImportResultViewProps } from './ImportResultView';
