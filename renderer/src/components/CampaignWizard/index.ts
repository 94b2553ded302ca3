export { CampaignWizard, type CampaignWizardProps } from './CampaignWizard';
