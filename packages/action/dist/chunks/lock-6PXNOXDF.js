import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  withLock
} from "./chunk-A2UHPL76.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-YYN4WDBH.js";
import "./chunk-HANBNIMK.js";
export {
  withLock
};
