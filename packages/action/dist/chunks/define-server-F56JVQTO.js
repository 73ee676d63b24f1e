import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  defineServer
} from "./chunk-NHDYSOVQ.js";
import "./chunk-PXOX54OA.js";
import "./chunk-HANBNIMK.js";
export {
  defineServer
};
