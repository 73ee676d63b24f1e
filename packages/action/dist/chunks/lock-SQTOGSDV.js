import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-OTS7C56G.js";
import "./chunk-LK6OX7TM.js";
import "./chunk-4IFXONDL.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
