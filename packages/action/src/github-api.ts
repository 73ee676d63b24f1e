/**
 * A GET on the GitHub REST API of this runner's instance ($GITHUB_API_URL: github.com or a GHES
 * server) with the job's token. Through @actions/http-client, so a runner's proxy settings apply.
 */
import { HttpClient } from '@actions/http-client';
import { assertSafeUrl } from './install/release-url.js';

const USER_AGENT = 'stigmer-server-action';

function apiUrl(route: string): string {
  const base = process.env.GITHUB_API_URL || 'https://api.github.com';
  assertSafeUrl(base, 'GITHUB_API_URL');
  return `${base.replace(/\/+$/, '')}${route}`;
}

export async function getJson<T>(
  route: string,
  token: string,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const url = apiUrl(route);
  const client = new HttpClient(USER_AGENT, [], {
    allowRetries: true,
    maxRetries: 2,
    ...(options.timeoutMs ? { socketTimeout: options.timeoutMs } : {}),
  });
  try {
    const response = await client.getJson<T>(url, {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    });
    if (response.result === null)
      throw new Error(`GET ${url} answered ${response.statusCode} with no body.`);
    return response.result;
  } finally {
    client.dispose();
  }
}
