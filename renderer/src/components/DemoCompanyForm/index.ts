export { DemoCompanyForm, type DemoCompanyFormProps } from './DemoCompanyForm';
