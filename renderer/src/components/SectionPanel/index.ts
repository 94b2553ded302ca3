export { SectionPanel, type SectionPanelProps } from './SectionPanel';
