export { ContextBadges } from './ContextBadges';
