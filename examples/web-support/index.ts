export { RELAY_PATH, scribeDevServices, type DevServicesOptions } from './scribe-dev-services';
