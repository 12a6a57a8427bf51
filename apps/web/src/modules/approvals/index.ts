export { ApprovalsWorkspace } from './components/ApprovalsWorkspace';
