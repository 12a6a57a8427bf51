export { CounterRatingPage } from './components/CounterRatingPage';
