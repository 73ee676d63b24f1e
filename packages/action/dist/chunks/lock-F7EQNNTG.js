import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-CHZHEBOU.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-YYN4WDBH.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
