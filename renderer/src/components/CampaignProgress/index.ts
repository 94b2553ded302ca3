export { CampaignProgress, type CampaignProgressProps } from './CampaignProgress';
