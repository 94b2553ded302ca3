export { RuleSetPanel, type RuleSetPanelProps } from './RuleSetPanel';
