export { default } from '../server/sync-push.bench';
