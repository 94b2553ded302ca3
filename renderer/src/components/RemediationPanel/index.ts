export { RemediationPanel } from './RemediationPanel';
