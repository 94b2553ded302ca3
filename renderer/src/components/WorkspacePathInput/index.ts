export { WorkspacePathInput } from './WorkspacePathInput';
