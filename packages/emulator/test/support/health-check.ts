export { healthCheck } from '../../src/net/grpc-health-client.js';
