export { ReviewItemCard, VerdictBadge } from './ReviewItemCard';
