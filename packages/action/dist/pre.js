import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  setUp,
  startInBackground
} from "./chunks/chunk-HXELNSLG.js";
import "./chunks/chunk-RJEHOEQ4.js";
import {
  bin,
  getInputs,
  info,
  runStage,
  setPreRan,
  setStartedAt,
  stigmerProfile
} from "./chunks/chunk-GV5LRFH4.js";
import "./chunks/chunk-P6QNAYR2.js";
import "./chunks/chunk-KYBNCCTO.js";
import "./chunks/chunk-DRDZ57S2.js";
import "./chunks/chunk-CHZHEBOU.js";
import {
  group
} from "./chunks/chunk-UBXPN5TO.js";
import "./chunks/chunk-YVYZE4KD.js";
import "./chunks/chunk-L66SN3ZJ.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-OWJNM7FF.js";
import "./chunks/chunk-CHQ6LYZ2.js";
import "./chunks/chunk-CVPLYTV6.js";
import "./chunks/chunk-YYN4WDBH.js";
import "./chunks/chunk-EWGGLT7N.js";
import "./chunks/chunk-HANBNIMK.js";

// src/pre.ts
await runStage("pre", async () => {
  setStartedAt(Date.now());
  const inputs = getInputs();
  setPreRan();
  await setUp(inputs);
  if (inputs.config) {
    info(
      "`config` is set: the profile file is in the repository, which is not checked out yet when pre runs; the stack starts in main."
    );
    return;
  }
  await group("Start the stack in the background", async () => {
    const profile = stigmerProfile(inputs, bin());
    const snapshot = await startInBackground(profile);
    if (snapshot.outcome === "unavailable")
      info(`Not started: ${snapshot.reason}. main will look again.`);
    else if (snapshot.pending)
      info(
        `${snapshot.profile}: ${snapshot.outcome}, booting in the background (lease ${snapshot.leaseId}); main waits until it is ready.`
      );
    else
      info(
        `${snapshot.profile}: ${snapshot.outcome}, already ready (lease ${snapshot.leaseId}).`
      );
  });
});
