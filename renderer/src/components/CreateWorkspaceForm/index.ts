export { CreateWorkspaceForm, type CreateWorkspaceFormProps } from './CreateWorkspaceForm';
