import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-U45GWJ3U.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
