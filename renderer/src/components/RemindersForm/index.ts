export { RemindersForm } from './RemindersForm';
