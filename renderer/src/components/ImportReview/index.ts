export { ImportReview, type ImportReviewProps } from './ImportReview';
