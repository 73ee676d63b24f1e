// A globalSetup listed before the plugin's: the cluster must exist before pg_ctl can start it.
import { initCluster } from './cluster.mjs';

export default async function setup() {
  await initCluster();
}
