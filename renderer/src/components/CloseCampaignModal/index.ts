export { CloseCampaignModal } from './CloseCampaignModal';
