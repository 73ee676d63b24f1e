import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_semver
} from "./chunk-RJEHOEQ4.js";
import {
  actionsLogger,
  assertSafeUrl,
  assetUrl,
  cacheStore,
  checksumUrl,
  docker,
  ensureServer,
  getJson,
  info as info2,
  restoreEntries,
  setBin,
  setCacheMisses,
  setCacheOutcomes,
  setLeaseId,
  setOutcome,
  setVersion,
  warning
} from "./chunk-GV5LRFH4.js";
import {
  HttpClient,
  addPath,
  debug,
  exec,
  group,
  info,
  isDebug,
  mkdirP,
  rmRF,
  which
} from "./chunk-UBXPN5TO.js";
import {
  processRef
} from "./chunk-OWJNM7FF.js";
import {
  __toESM
} from "./chunk-HANBNIMK.js";

// src/cache/cache-entries.ts
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
var AGENT_RUNNER_IMAGE = "ghcr.io/stigmer/agent-runner:latest";
var DEFAULT_MODEL = "qwen2.5-coder:7b";
function key(...parts) {
  return parts.join("-").replace(/[,\s]/g, "_").slice(0, 512);
}
function cliEntry(dir, tag, platform, release) {
  const url = createHash("sha256").update(release.url).digest("hex").slice(0, 16);
  return {
    name: `stigmer ${tag}`,
    key: key(
      "stigmer-cli",
      tag,
      platform.os,
      platform.arch,
      `url.${url}`,
      `sha256.${release.sha256.slice(0, 16)}`
    ),
    paths: [dir]
  };
}
function toolsEntry(tag, platform, home = os.homedir()) {
  if (!tag) return [];
  return [
    {
      name: "~/.stigmer/bin",
      key: key("stigmer-tools", tag, platform.os, platform.arch),
      paths: [path.join(home, ".stigmer", "bin")]
    }
  ];
}
function modelEntry(env = process.env, home = os.homedir()) {
  const provider = env.STIGMER_LLM_PROVIDER || "ollama";
  const model = env.STIGMER_LLM_MODEL || DEFAULT_MODEL;
  if (provider !== "ollama") return [];
  return [
    {
      name: `Ollama model ${model}`,
      key: key("ollama-model", model),
      paths: [path.join(home, ".ollama", "models")]
    }
  ];
}
function imageEntry(now = /* @__PURE__ */ new Date(), home = os.homedir()) {
  return {
    name: `image ${AGENT_RUNNER_IMAGE}`,
    key: key("agent-runner-image", AGENT_RUNNER_IMAGE, isoWeek(now)),
    paths: [path.join(home, ".cache", "stigmer-e2e", "agent-runner-image")],
    image: AGENT_RUNNER_IMAGE
  };
}
function isoWeek(date) {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 864e5 + 1) / 7);
  return `${day.getUTCFullYear()}w${String(week).padStart(2, "0")}`;
}

// src/install/install.ts
import { chmod, cp as cp2, mkdir, readdir as readdir2, readFile, rename, rm, stat } from "node:fs/promises";
import os2 from "node:os";
import path4 from "node:path";

// ../../node_modules/.pnpm/@actions+tool-cache@4.0.0/node_modules/@actions/tool-cache/lib/tool-cache.js
import * as crypto from "crypto";
import * as fs from "fs";

// ../../node_modules/.pnpm/@actions+tool-cache@4.0.0/node_modules/@actions/tool-cache/lib/manifest.js
var semver = __toESM(require_semver(), 1);

// ../../node_modules/.pnpm/@actions+tool-cache@4.0.0/node_modules/@actions/tool-cache/lib/tool-cache.js
import * as path2 from "path";
var semver2 = __toESM(require_semver(), 1);
import * as stream from "stream";
import * as util from "util";
import { ok } from "assert";

// ../../node_modules/.pnpm/@actions+tool-cache@4.0.0/node_modules/@actions/tool-cache/lib/retry-helper.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var RetryHelper = class {
  constructor(maxAttempts, minSeconds, maxSeconds) {
    if (maxAttempts < 1) {
      throw new Error("max attempts should be greater than or equal to 1");
    }
    this.maxAttempts = maxAttempts;
    this.minSeconds = Math.floor(minSeconds);
    this.maxSeconds = Math.floor(maxSeconds);
    if (this.minSeconds > this.maxSeconds) {
      throw new Error("min seconds should be less than or equal to max seconds");
    }
  }
  execute(action, isRetryable) {
    return __awaiter(this, void 0, void 0, function* () {
      let attempt = 1;
      while (attempt < this.maxAttempts) {
        try {
          return yield action();
        } catch (err) {
          if (isRetryable && !isRetryable(err)) {
            throw err;
          }
          info(err.message);
        }
        const seconds = this.getSleepAmount();
        info(`Waiting ${seconds} seconds before trying again`);
        yield this.sleep(seconds);
        attempt++;
      }
      return yield action();
    });
  }
  getSleepAmount() {
    return Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds;
  }
  sleep(seconds) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve) => setTimeout(resolve, seconds * 1e3));
    });
  }
};

// ../../node_modules/.pnpm/@actions+tool-cache@4.0.0/node_modules/@actions/tool-cache/lib/tool-cache.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var HTTPError = class extends Error {
  constructor(httpStatusCode) {
    super(`Unexpected HTTP response: ${httpStatusCode}`);
    this.httpStatusCode = httpStatusCode;
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var IS_WINDOWS = process.platform === "win32";
var IS_MAC = process.platform === "darwin";
var userAgent = "actions/tool-cache";
function downloadTool(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    dest = dest || path2.join(_getTempDirectory(), crypto.randomUUID());
    yield mkdirP(path2.dirname(dest));
    debug(`Downloading ${url}`);
    debug(`Destination ${dest}`);
    const maxAttempts = 3;
    const minSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS", 10);
    const maxSeconds = _getGlobal("TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS", 20);
    const retryHelper = new RetryHelper(maxAttempts, minSeconds, maxSeconds);
    return yield retryHelper.execute(() => __awaiter2(this, void 0, void 0, function* () {
      return yield downloadToolAttempt(url, dest || "", auth, headers);
    }), (err) => {
      if (err instanceof HTTPError && err.httpStatusCode) {
        if (err.httpStatusCode < 500 && err.httpStatusCode !== 408 && err.httpStatusCode !== 429) {
          return false;
        }
      }
      return true;
    });
  });
}
function downloadToolAttempt(url, dest, auth, headers) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (fs.existsSync(dest)) {
      throw new Error(`Destination file path ${dest} already exists`);
    }
    const http = new HttpClient(userAgent, [], {
      allowRetries: false
    });
    if (auth) {
      debug("set auth");
      if (headers === void 0) {
        headers = {};
      }
      headers.authorization = auth;
    }
    const response = yield http.get(url, headers);
    if (response.message.statusCode !== 200) {
      const err = new HTTPError(response.message.statusCode);
      debug(`Failed to download from "${url}". Code(${response.message.statusCode}) Message(${response.message.statusMessage})`);
      throw err;
    }
    const pipeline2 = util.promisify(stream.pipeline);
    const responseMessageFactory = _getGlobal("TEST_DOWNLOAD_TOOL_RESPONSE_MESSAGE_FACTORY", () => response.message);
    const readStream = responseMessageFactory();
    let succeeded = false;
    try {
      yield pipeline2(readStream, fs.createWriteStream(dest));
      debug("download complete");
      succeeded = true;
      return dest;
    } finally {
      if (!succeeded) {
        debug("download failed");
        try {
          yield rmRF(dest);
        } catch (err) {
          debug(`Failed to delete '${dest}'. ${err.message}`);
        }
      }
    }
  });
}
function extractTar(file_1, dest_1) {
  return __awaiter2(this, arguments, void 0, function* (file, dest, flags = "xz") {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    debug("Checking tar --version");
    let versionOutput = "";
    yield exec("tar --version", [], {
      ignoreReturnCode: true,
      silent: true,
      listeners: {
        stdout: (data) => versionOutput += data.toString(),
        stderr: (data) => versionOutput += data.toString()
      }
    });
    debug(versionOutput.trim());
    const isGnuTar = versionOutput.toUpperCase().includes("GNU TAR");
    let args;
    if (flags instanceof Array) {
      args = flags;
    } else {
      args = [flags];
    }
    if (isDebug() && !flags.includes("v")) {
      args.push("-v");
    }
    let destArg = dest;
    let fileArg = file;
    if (IS_WINDOWS && isGnuTar) {
      args.push("--force-local");
      destArg = dest.replace(/\\/g, "/");
      fileArg = file.replace(/\\/g, "/");
    }
    if (isGnuTar) {
      args.push("--warning=no-unknown-keyword");
      args.push("--overwrite");
    }
    args.push("-C", destArg, "-f", fileArg);
    yield exec(`tar`, args);
    return dest;
  });
}
function extractZip(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!file) {
      throw new Error("parameter 'file' is required");
    }
    dest = yield _createExtractFolder(dest);
    if (IS_WINDOWS) {
      yield extractZipWin(file, dest);
    } else {
      yield extractZipNix(file, dest);
    }
    return dest;
  });
}
function extractZipWin(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const escapedFile = file.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const escapedDest = dest.replace(/'/g, "''").replace(/"|\n|\r/g, "");
    const pwshPath = yield which("pwsh", false);
    if (pwshPath) {
      const pwshCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.ZipFile } catch { } ;`,
        `try { [System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`,
        `catch { if (($_.Exception.GetType().FullName -eq 'System.Management.Automation.MethodException') -or ($_.Exception.GetType().FullName -eq 'System.Management.Automation.RuntimeException') ){ Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force } else { throw $_ } } ;`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        pwshCommand
      ];
      debug(`Using pwsh at path: ${pwshPath}`);
      yield exec(`"${pwshPath}"`, args);
    } else {
      const powershellCommand = [
        `$ErrorActionPreference = 'Stop' ;`,
        `try { Add-Type -AssemblyName System.IO.Compression.FileSystem } catch { } ;`,
        `if ((Get-Command -Name Expand-Archive -Module Microsoft.PowerShell.Archive -ErrorAction Ignore)) { Expand-Archive -LiteralPath '${escapedFile}' -DestinationPath '${escapedDest}' -Force }`,
        `else {[System.IO.Compression.ZipFile]::ExtractToDirectory('${escapedFile}', '${escapedDest}', $true) }`
      ].join(" ");
      const args = [
        "-NoLogo",
        "-Sta",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Unrestricted",
        "-Command",
        powershellCommand
      ];
      const powershellPath = yield which("powershell", true);
      debug(`Using powershell at path: ${powershellPath}`);
      yield exec(`"${powershellPath}"`, args);
    }
  });
}
function extractZipNix(file, dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    const unzipPath = yield which("unzip", true);
    const args = [file];
    if (!isDebug()) {
      args.unshift("-q");
    }
    args.unshift("-o");
    yield exec(`"${unzipPath}"`, args, { cwd: dest });
  });
}
function _createExtractFolder(dest) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!dest) {
      dest = path2.join(_getTempDirectory(), crypto.randomUUID());
    }
    yield mkdirP(dest);
    return dest;
  });
}
function _getTempDirectory() {
  const tempDirectory = process.env["RUNNER_TEMP"] || "";
  ok(tempDirectory, "Expected RUNNER_TEMP to be defined");
  return tempDirectory;
}
function _getGlobal(key2, defaultValue) {
  const value = global[key2];
  return value !== void 0 ? value : defaultValue;
}

// src/install/checksum.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
var ChecksumError = class extends Error {
  name = "ChecksumError";
};
function expectedHash(listing, fileName, source) {
  const entries = listing.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "").map((line) => {
    const match = /^([0-9a-fA-F]{64})(?:\s+\*?(.+))?$/.exec(line);
    return match ? { hash: match[1].toLowerCase(), name: match[2]?.trim() ?? null } : null;
  });
  if (entries.length === 0 || entries.some((e) => e === null))
    throw new ChecksumError(
      `${source} is not a sha256sum listing (expected lines like "<64 hex digits>  ${fileName}").`
    );
  const valid2 = entries;
  const named = valid2.find((e) => e.name !== null && baseName(e.name) === fileName);
  if (named) return named.hash;
  if (valid2.length === 1 && valid2[0].name === null) return valid2[0].hash;
  throw new ChecksumError(
    `${source} lists no checksum for ${fileName} (it names ${valid2.map((e) => e.name ?? "(none)").join(", ")}).`
  );
}
async function sha256File(file) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
function baseName(name) {
  return name.split(/[\\/]/).at(-1);
}

// src/install/resolve-version.ts
var STIGMER_REPO = "stigmer/stigmer";
async function resolveVersion(version, token) {
  if (version !== "latest") return version;
  const route = `/repos/${STIGMER_REPO}/releases/latest`;
  let release;
  try {
    release = await getJson(route, token, { timeoutMs: 3e4 });
  } catch (error) {
    throw new Error(
      `Cannot resolve \`version: latest\` (GET ${route}): ${error.message} Pin a release with \`version: v1.2.3\`, or check \`github-token\`.`,
      { cause: error }
    );
  }
  if (typeof release.tag_name !== "string" || release.tag_name === "")
    throw new Error(
      `Cannot resolve \`version: latest\`: GET ${route} answered without a tag_name. Pin a release with \`version: v1.2.3\`.`
    );
  return release.tag_name;
}

// src/install/tree-diff.ts
import { lstat, readdir } from "node:fs/promises";
import path3 from "node:path";
async function listTree(root) {
  const nodes = /* @__PURE__ */ new Map();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    const file = path3.join(e.parentPath, e.name);
    const name = path3.relative(root, file).split(path3.sep).join("/");
    const stat2 = await lstat(file);
    if (stat2.isFile()) nodes.set(name, { kind: "file", sha256: await sha256File(file) });
    else nodes.set(name, { kind: stat2.isDirectory() ? "dir" : "other", sha256: null });
  }
  return nodes;
}
async function treeDifferences(expected, actual) {
  const [want, have] = await Promise.all([listTree(expected), listTree(actual)]);
  const problems = [];
  for (const [name, node] of have) {
    const ref = want.get(name);
    if (!ref || ref.kind !== node.kind) problems.push(`${name} is not in the release archive`);
    else if (node.sha256 !== ref.sha256)
      problems.push(`${name} has sha256 ${node.sha256}, the release archive holds ${ref.sha256}`);
  }
  for (const name of want.keys()) if (!have.has(name)) problems.push(`${name} is missing`);
  return problems;
}

// src/install/install.ts
async function installStigmer(request) {
  const { platform, store } = request;
  const tag = await resolveVersion(request.version, request.githubToken);
  const release = await releaseChecksum(assetUrl(request.downloadUrl, tag, platform));
  const dir = installDir(tag, platform);
  const archiveDir = `${dir}.archive`;
  const archive = path4.join(archiveDir, release.fileName);
  const entry = cliEntry(archiveDir, tag, platform, release);
  let cacheMisses = [];
  let cacheOutcomes = [];
  let restored = null;
  if (await isFile(archive)) restored = TOOL_CACHE;
  else if (store) {
    ({ misses: cacheMisses, outcomes: cacheOutcomes } = await restoreEntries(store, [entry]));
    if (await isFile(archive))
      restored = {
        name: `the ${store.name} (key ${entry.key})`,
        fix: `Delete that entry (\`gh cache delete ${entry.key}\`, or the repository's Actions > Caches page), then run again.`
      };
  }
  if (restored) {
    await verifyRestored(archive, release, tag, restored, [archiveDir, dir]);
  } else {
    await download(release, archiveDir);
    if (store && cacheMisses.length === 0 && store.available()) cacheMisses = [entry];
  }
  await installFrom(archive, release, tag, dir, platform);
  addPath(dir);
  info2(`stigmer ${tag} is on PATH: ${path4.join(dir, platform.exe)}`);
  return { tag, bin: path4.join(dir, platform.exe), cacheMisses, cacheOutcomes };
}
function installDir(tag, platform) {
  const root = process.env.RUNNER_TOOL_CACHE || process.env.RUNNER_TEMP || os2.tmpdir();
  return path4.join(root, "stigmer", tag, `${platform.os}-${platform.arch}`);
}
async function releaseChecksum(url) {
  assertSafeUrl(url, "`download-url`");
  const sumsUrl = checksumUrl(url);
  const fileName = decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
  const sums = await fetchFile(sumsUrl, "the release's checksum file");
  try {
    const sha256 = expectedHash(await readFile(sums, "utf8"), fileName, sumsUrl);
    return { url, sumsUrl, fileName, sha256 };
  } finally {
    await rm(sums, { force: true });
  }
}
var TOOL_CACHE = {
  name: "the runner's tool cache",
  fix: "Something else on this runner writes to the tool cache: find out what before trusting it."
};
async function verifyRestored(archive, release, tag, source, remove) {
  const actual = await sha256File(archive);
  if (actual === release.sha256) {
    info2(
      `stigmer ${tag} archive from ${source.name}: sha256 ${actual} matches ${release.sumsUrl}`
    );
    return;
  }
  for (const p of remove) await rm(p, { recursive: true, force: true });
  throw new ChecksumError(
    `The stigmer ${tag} archive restored from ${source.name} (${archive}) has sha256 ${actual}, but ${release.sumsUrl} says ${release.sha256}: it is corrupt or was tampered with. It was removed and nothing was installed. ${source.fix}`
  );
}
async function download(release, archiveDir) {
  info2(`Downloading ${release.url}`);
  const file = await fetchFile(release.url);
  try {
    const actual = await sha256File(file);
    if (actual !== release.sha256)
      throw new ChecksumError(
        `Checksum mismatch for ${release.fileName}: ${release.sumsUrl} says sha256 ${release.sha256}, the download has ${actual}. The file is corrupt or was tampered with; nothing was installed. Check \`download-url\` (a mirror must serve the same files as the release).`
      );
    info2(`sha256 ${actual} matches ${release.sumsUrl}`);
    await rm(archiveDir, { recursive: true, force: true });
    await mkdir(archiveDir, { recursive: true });
    await cp2(file, path4.join(archiveDir, release.fileName));
  } finally {
    await rm(file, { force: true });
  }
}
async function installFrom(archive, release, tag, dir, platform) {
  const extracted = release.fileName.endsWith(".zip") ? await extractZip(archive) : await extractTar(archive, void 0, "xz");
  try {
    const found = await findBinary(extracted, platform.exe);
    if (!found)
      throw new Error(
        `${release.fileName} holds no ${platform.exe} (looked in its top two levels). Check \`download-url\`: it must point to the stigmer CLI's release archive.`
      );
    const content = path4.dirname(found);
    if (platform.os !== "windows") await chmod(found, 493);
    if ((await readdir2(dir).catch(() => [])).length > 0) {
      const differences = await treeDifferences(content, dir);
      if (differences.length === 0) {
        info2(
          `stigmer ${tag} found in the runner's tool cache, identical to the release: ${dir}`
        );
        return;
      }
      await rm(dir, { recursive: true, force: true });
      throw new ChecksumError(
        `The stigmer ${tag} in the runner's tool cache (${dir}) differs from the release: ${differences.join("; ")}. It was removed and nothing was put on PATH; the next run installs it afresh. Something else on this runner wrote to the tool cache: find out what before trusting it.`
      );
    }
    await mkdir(path4.dirname(dir), { recursive: true });
    const staging = `${dir}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    await cp2(content, staging, { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } finally {
    await rm(extracted, { recursive: true, force: true });
  }
}
async function fetchFile(url, what = "the stigmer release") {
  try {
    return await downloadTool(url);
  } catch (error) {
    const status = error instanceof HTTPError ? error.httpStatusCode : void 0;
    const hint = status === 404 ? " Not found: check `version` (a tag such as v1.2.3) and `download-url` (each asset must have its `.sha256` beside it)." : " Check `download-url` and the runner network.";
    throw new Error(`Cannot download ${what} from ${url}: ${error.message}.${hint}`, {
      cause: error
    });
  }
}
async function findBinary(root, exe, depth = 2) {
  const entries = await readdir2(root, { withFileTypes: true });
  const direct = entries.find((e) => e.isFile() && e.name === exe);
  if (direct) return path4.join(root, direct.name);
  if (depth === 0) return null;
  for (const e of entries.filter((d) => d.isDirectory())) {
    const found = await findBinary(path4.join(root, e.name), exe, depth - 1);
    if (found) return found;
  }
  return null;
}
async function isFile(file) {
  return stat(file).then(
    (s) => s.isFile(),
    () => false
  );
}

// src/install/platform.ts
var OS = {
  linux: "linux",
  darwin: "darwin",
  win32: "windows"
};
var ARCH = {
  x64: "amd64",
  arm64: "arm64"
};
function currentPlatform(platform = process.platform, arch = process.arch) {
  const os3 = OS[platform];
  const cpu = ARCH[arch];
  if (!os3 || !cpu)
    throw new Error(
      `stigmer releases exist for linux, darwin and windows on x64 and arm64; this runner is ${platform}/${arch}. Install stigmer yourself and set \`install: false\`.`
    );
  return { os: os3, arch: cpu, exe: os3 === "windows" ? "stigmer.exe" : "stigmer" };
}

// src/setup.ts
async function setUp(inputs) {
  const store = inputs.cache ? await cacheStore() : null;
  const misses = [];
  const outcomes = [];
  const tag = inputs.install ? await group("Install stigmer", async () => {
    const installed = await installStigmer({
      version: inputs.version,
      downloadUrl: inputs.downloadUrl,
      githubToken: inputs.githubToken,
      platform: currentPlatform(),
      store
    });
    setBin(installed.bin);
    setVersion(installed.tag);
    misses.push(...installed.cacheMisses);
    outcomes.push(...installed.cacheOutcomes);
    setCacheOutcomes(outcomes);
    setCacheMisses(misses);
    return installed.tag;
  }) : null;
  if (!inputs.install)
    info2("install: false: using the `stigmer` on PATH (or $STIGMER_E2E_BIN).");
  if (!store) return;
  await group("Restore caches", async () => {
    const model = modelEntry(
      inputs.llmModel ? { ...process.env, STIGMER_LLM_MODEL: inputs.llmModel } : process.env
    );
    const image = await docker(["version"]).then(
      () => true,
      () => false
    ) ? [imageEntry()] : [];
    const entries = [...tag ? toolsEntry(tag, currentPlatform()) : [], ...model, ...image];
    if (!tag)
      info2("~/.stigmer/bin is not cached with install: false (no CLI version for the key).");
    if (model.length === 0) info2("No Ollama model to cache: the LLM provider is not Ollama.");
    if (image.length === 0)
      info2("No agent-runner image to cache: Docker does not answer on this runner.");
    const restored = await restoreEntries(store, entries);
    misses.push(...restored.misses);
    setCacheMisses(misses);
    outcomes.push(...restored.outcomes);
    setCacheOutcomes(outcomes);
  });
}

// src/stack/job-process.ts
import { execFile } from "node:child_process";
import { readFile as readFile2 } from "node:fs/promises";
import path5 from "node:path";
import { promisify as promisify2 } from "node:util";
var run = promisify2(execFile);
var WORKER = /^Runner\.Worker(\.exe)?$/i;
var MAX_DEPTH = 16;
async function readLinux(pid) {
  try {
    const [stat2, cmdline] = await Promise.all([
      readFile2(`/proc/${pid}/stat`, "utf8"),
      readFile2(`/proc/${pid}/cmdline`, "utf8")
    ]);
    const ppid = Number(stat2.slice(stat2.lastIndexOf(")") + 2).split(" ")[1]);
    const argv0 = cmdline.split("\0")[0] ?? "";
    return { ppid, name: path5.posix.basename(argv0) };
  } catch {
    return null;
  }
}
async function readMac(pid) {
  try {
    const { stdout } = await run("ps", ["-o", "ppid=,comm=", "-p", String(pid)]);
    const match = /^\s*(\d+)\s+(.+?)\s*$/.exec(stdout);
    return match ? { ppid: Number(match[1]), name: path5.posix.basename(match[2]) } : null;
  } catch {
    return null;
  }
}
async function readWindows(pid) {
  try {
    const { stdout } = await run(
      "powershell.exe",
      [
        "-NoProfile",
        "-NonInteractive",
        "-Command",
        `$p = Get-CimInstance Win32_Process -Filter "ProcessId=${pid}"; "$($p.ParentProcessId) $($p.Name)"`
      ],
      { windowsHide: true }
    );
    const match = /^\s*(\d+)\s+(.+?)\s*$/.exec(stdout);
    return match ? { ppid: Number(match[1]), name: path5.win32.basename(match[2]) } : null;
  } catch {
    return null;
  }
}
var readParent = process.platform === "linux" ? readLinux : process.platform === "win32" ? readWindows : readMac;
async function jobProcess() {
  let pid = process.ppid;
  for (let depth = 0; depth < MAX_DEPTH && pid > 1; depth++) {
    const ref = await processRef(pid);
    const parent = ref && await readParent(pid);
    if (!ref || !parent) return null;
    const again = await processRef(pid);
    if (again?.startTime !== ref.startTime) return null;
    if (WORKER.test(parent.name)) return ref;
    pid = parent.ppid;
  }
  return null;
}

// src/stack/start.ts
var FALLBACK_TTL_MS = 6 * 60 * 60 * 1e3;
function leaseLabel(env = process.env) {
  const run2 = env.GITHUB_RUN_ID ? `run ${env.GITHUB_RUN_ID}` : "run ?";
  const attempt = env.GITHUB_RUN_ATTEMPT ? `.${env.GITHUB_RUN_ATTEMPT}` : "";
  const job = env.GITHUB_JOB ? ` job ${env.GITHUB_JOB}` : "";
  return `github-action ${run2}${attempt}${job}`;
}
async function jobLease() {
  const label = leaseLabel();
  const worker = await jobProcess();
  if (worker) {
    info2(
      `The lease lives as long as this job: bound to the job's Runner.Worker (pid ${worker.pid}).`
    );
    return { kind: "process", holder: worker, label };
  }
  warning(
    "No Runner.Worker process above this step (a local run such as `act`, or a container job, whose steps do not see the runner's processes): the lease is explicit and expires after 6 h. If the job ends without post, a stack it started runs until then."
  );
  return { kind: "explicit", label, ttlMs: FALLBACK_TTL_MS };
}
async function startInBackground(profile) {
  const handle = await ensureServer(profile, {
    wait: false,
    lease: await jobLease(),
    onUnavailable: "skip",
    logger: actionsLogger
  });
  if (handle.leaseId) {
    setLeaseId(handle.leaseId);
    setOutcome(handle.outcome);
  }
  return handle.snapshot();
}

export {
  setUp,
  jobLease,
  startInBackground
};
