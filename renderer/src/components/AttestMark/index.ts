export { AttestMark, type AttestMarkProps } from './AttestMark';
