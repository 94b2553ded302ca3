export { PackResultView, type PackResultViewProps } from './PackResultView';
