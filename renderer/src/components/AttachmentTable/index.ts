export { AttachmentTable, type AttachmentRow, type AttachmentTableProps } from './AttachmentTable';
