import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-JVXVSICD.js";
import "./chunk-LK6OX7TM.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
