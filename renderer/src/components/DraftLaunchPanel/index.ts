export { DraftLaunchPanel, type DraftLaunchPanelProps } from './DraftLaunchPanel';
