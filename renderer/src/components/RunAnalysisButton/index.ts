export { RunAnalysisButton } from './RunAnalysisButton';
