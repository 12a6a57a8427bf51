export { DesignerGate } from './components/DesignerGate';
