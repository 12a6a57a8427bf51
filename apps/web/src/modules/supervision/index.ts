export { SupervisionWorkspace } from './components/SupervisionWorkspace';
