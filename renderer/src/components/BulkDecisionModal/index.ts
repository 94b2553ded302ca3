export { BulkDecisionModal } from './BulkDecisionModal';
