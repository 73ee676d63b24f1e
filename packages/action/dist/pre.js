import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  setUp,
  startInBackground
} from "./chunks/chunk-TVBQ4YG2.js";
import "./chunks/chunk-RJEHOEQ4.js";
import {
  bin,
  getInputs,
  info,
  runStage,
  setPreRan,
  setStartedAt,
  stackProfile
} from "./chunks/chunk-JEPTEI5I.js";
import "./chunks/chunk-FVSXOLBX.js";
import "./chunks/chunk-JVXVSICD.js";
import "./chunks/chunk-6POOQ3FW.js";
import {
  group
} from "./chunks/chunk-IHW3RN5P.js";
import "./chunks/chunk-MNJR5YAS.js";
import "./chunks/chunk-4ZFE3CZX.js";
import "./chunks/chunk-BOTTUJWC.js";
import "./chunks/chunk-OTVOUBNS.js";
import "./chunks/chunk-LK6OX7TM.js";
import "./chunks/chunk-OSJIUKPB.js";
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
    const profile = await stackProfile(inputs, { bin: bin(), configPath: null });
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
