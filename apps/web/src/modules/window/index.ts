export { WindowWorkspace } from './components/WindowWorkspace';
