/** `version: latest` -> the tag of stigmer/stigmer's latest release, through the GitHub API. */
import { getJson } from '../github-api.js';

const STIGMER_REPO = 'stigmer/stigmer';

export async function resolveVersion(version: string, token: string): Promise<string> {
  if (version !== 'latest') return version;
  const route = `/repos/${STIGMER_REPO}/releases/latest`;
  let release: { tag_name?: unknown };
  try {
    release = await getJson<{ tag_name?: unknown }>(route, token, { timeoutMs: 30_000 });
  } catch (error) {
    throw new Error(
      `Cannot resolve \`version: latest\` (GET ${route}): ${(error as Error).message} Pin a release with \`version: v1.2.3\`, or check \`github-token\`.`,
      { cause: error },
    );
  }
  if (typeof release.tag_name !== 'string' || release.tag_name === '')
    throw new Error(
      `Cannot resolve \`version: latest\`: GET ${route} answered without a tag_name. Pin a release with \`version: v1.2.3\`.`,
    );
  return release.tag_name;
}
