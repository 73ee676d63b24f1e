import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  stopAndDisown,
  stopStack
} from "./chunk-HVRAPJHX.js";
import "./chunk-DRDZ57S2.js";
import "./chunk-MHLZWAZR.js";
import "./chunk-LZHRIAJN.js";
import "./chunk-BOTTUJWC.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-YLRRAY23.js";
import "./chunk-4IFXONDL.js";
import "./chunk-EWGGLT7N.js";
import "./chunk-HANBNIMK.js";
export {
  stopAndDisown,
  stopStack
};
