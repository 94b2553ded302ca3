export { OpenWorkspaceForm, type OpenWorkspaceFormProps } from './OpenWorkspaceForm';
