import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineGroup
} from "./chunk-KFPE5A42.js";
import "./chunk-R2XEVGXO.js";
import "./chunk-KGLTKPOK.js";
import "./chunk-4IFXONDL.js";
import "./chunk-HANBNIMK.js";
export {
  defineGroup
};
