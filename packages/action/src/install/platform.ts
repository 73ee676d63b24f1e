/** The `{os}` and `{arch}` of a release asset, from the runner's platform. */
export interface Platform {
  readonly os: 'linux' | 'darwin' | 'windows';
  readonly arch: 'amd64' | 'arm64';
  /** The binary's file name in the archive. */
  readonly exe: string;
}

const OS: Partial<Record<NodeJS.Platform, Platform['os']>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
};
const ARCH: Partial<Record<NodeJS.Architecture, Platform['arch']>> = {
  x64: 'amd64',
  arm64: 'arm64',
};

export function currentPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: NodeJS.Architecture = process.arch,
): Platform {
  const os = OS[platform];
  const cpu = ARCH[arch];
  if (!os || !cpu)
    throw new Error(
      `stigmer releases exist for linux, darwin and windows on x64 and arm64; this runner is ${platform}/${arch}. Install stigmer yourself and set \`install: false\`.`,
    );
  return { os, arch: cpu, exe: os === 'windows' ? 'stigmer.exe' : 'stigmer' };
}
