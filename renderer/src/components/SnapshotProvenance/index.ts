export { SnapshotProvenance, type SnapshotProvenanceProps } from './SnapshotProvenance';
