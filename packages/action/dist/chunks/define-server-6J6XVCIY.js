import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineServer
} from "./chunk-Q7BKM2W4.js";
import "./chunk-YLRRAY23.js";
import "./chunk-4IFXONDL.js";
import "./chunk-HANBNIMK.js";
export {
  defineServer
};
