export { ReviewQueueList, ReviewViewFilter, VIEW_LABELS } from './ReviewQueueList';
