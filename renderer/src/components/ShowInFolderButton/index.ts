export { ShowInFolderButton, type ShowInFolderButtonProps } from './ShowInFolderButton';
