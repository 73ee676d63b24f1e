import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  stopAndDisown,
  stopStack
} from "./chunk-6POOQ3FW.js";
import "./chunk-4ZFE3CZX.js";
import "./chunk-BOTTUJWC.js";
import "./chunk-OTVOUBNS.js";
import "./chunk-LK6OX7TM.js";
import "./chunk-OSJIUKPB.js";
import "./chunk-N4QNBSZ5.js";
import "./chunk-NL2OM63K.js";
import "./chunk-HANBNIMK.js";
export {
  stopAndDisown,
  stopStack
};
