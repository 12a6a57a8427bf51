export { AdminWorkspace } from './components/AdminWorkspace';
export { ChangeOwnPasswordCard } from './components/ChangeOwnPasswordCard';
