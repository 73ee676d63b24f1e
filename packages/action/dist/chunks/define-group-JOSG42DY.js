import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineGroup
} from "./chunk-WZP5QKKD.js";
import "./chunk-Q7BKM2W4.js";
import "./chunk-YLRRAY23.js";
import "./chunk-4IFXONDL.js";
import "./chunk-HANBNIMK.js";
export {
  defineGroup
};
