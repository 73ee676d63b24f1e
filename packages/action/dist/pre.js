import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  setUp,
  startInBackground
} from "./chunks/chunk-55VVMZLS.js";
import "./chunks/chunk-RJEHOEQ4.js";
import {
  bin,
  getInputs,
  info,
  runStage,
  setPreRan,
  setStartedAt,
  stigmerProfile
} from "./chunks/chunk-4VMIVCAH.js";
import "./chunks/chunk-WKRHLJNM.js";
import "./chunks/chunk-OTS7C56G.js";
import {
  group
} from "./chunks/chunk-IHW3RN5P.js";
import "./chunks/chunk-VP254PCM.js";
import "./chunks/chunk-D5U6FEG5.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-LK6OX7TM.js";
import "./chunks/chunk-KFPE5A42.js";
import "./chunks/chunk-R2XEVGXO.js";
import "./chunks/chunk-KGLTKPOK.js";
import "./chunks/chunk-4IFXONDL.js";
import "./chunks/chunk-N4QNBSZ5.js";
import "./chunks/chunk-NL2OM63K.js";
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
