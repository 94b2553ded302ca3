export { CampaignItemsTable } from './CampaignItemsTable';
