export { SnapshotDiffView, type SnapshotDiffViewProps } from './SnapshotDiffView';
