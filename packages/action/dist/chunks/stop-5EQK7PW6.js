import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  stopAndDisown,
  stopStack
} from "./chunk-KYBNCCTO.js";
import "./chunk-DRDZ57S2.js";
import "./chunk-CHZHEBOU.js";
import "./chunk-L66SN3ZJ.js";
import "./chunk-BOTTUJWC.js";
import "./chunk-OWJNM7FF.js";
import "./chunk-CVPLYTV6.js";
import "./chunk-YYN4WDBH.js";
import "./chunk-EWGGLT7N.js";
import "./chunk-HANBNIMK.js";
export {
  stopAndDisown,
  stopStack
};
