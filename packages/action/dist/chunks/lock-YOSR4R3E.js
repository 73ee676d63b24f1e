import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-MHLZWAZR.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-4IFXONDL.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
