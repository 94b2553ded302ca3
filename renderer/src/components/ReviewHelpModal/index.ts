export { REVIEW_KEYS, ReviewHelpModal } from './ReviewHelpModal';
