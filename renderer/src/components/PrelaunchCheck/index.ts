export { PrelaunchCheck, type LaunchPreview } from './PrelaunchCheck';
