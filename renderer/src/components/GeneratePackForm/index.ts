export { GeneratePackForm, type GeneratePackFormProps } from './GeneratePackForm';
