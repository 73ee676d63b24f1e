import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  stopAndDisown,
  stopStack
} from "./chunk-WKRHLJNM.js";
import "./chunk-OTS7C56G.js";
import "./chunk-D5U6FEG5.js";
import "./chunk-BOTTUJWC.js";
import "./chunk-LK6OX7TM.js";
import "./chunk-KGLTKPOK.js";
import "./chunk-4IFXONDL.js";
import "./chunk-N4QNBSZ5.js";
import "./chunk-NL2OM63K.js";
import "./chunk-HANBNIMK.js";
export {
  stopAndDisown,
  stopStack
};
