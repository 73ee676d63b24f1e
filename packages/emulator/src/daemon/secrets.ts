const PROMPTS: Record<string, { variable: string; prompt: string; label: string }> = {
  anthropic: {
    variable: 'ANTHROPIC_API_KEY',
    prompt: 'Enter Anthropic API key',
    label: 'Anthropic',
  },
  openai: { variable: 'OPENAI_API_KEY', prompt: 'Enter OpenAI API key', label: 'OpenAI' },
};

/**
 * daemon/secrets.go `GatherRequiredSecrets`: nothing for Ollama; for anthropic/openai the key
 * from the environment, else a masked prompt on the terminal. Without a terminal the prompt
 * fails as `term.ReadPassword` does ("inappropriate ioctl for device"), naming no variable.
 * Messages go to stderr. Only the config's key is never consulted here, as in the source.
 */
export async function gatherRequiredSecrets(provider: string): Promise<Record<string, string>> {
  if (provider === 'ollama') {
    process.stderr.write('✓ Using Ollama (no API key required)\n');
    return {};
  }
  const spec = PROMPTS[provider];
  if (spec === undefined) {
    throw new Error(`unsupported LLM provider: ${provider} (supported: ollama, anthropic, openai)`);
  }
  if (process.env[spec.variable]) {
    process.stderr.write(`✓ Using ${spec.variable} from environment\n`);
    return {};
  }
  let key: string;
  try {
    key = await promptForSecret(spec.prompt);
  } catch (error) {
    throw new Error(`failed to get ${spec.label} API key: ${(error as Error).message}`);
  }
  process.stderr.write(`✓ ${spec.label} API key configured\n`);
  return { [spec.variable]: key };
}

/** Prints `<prompt>: ` and reads a line from the terminal without echo. */
function promptForSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    process.stderr.write(`${prompt}: `);
    return Promise.reject(new Error('inappropriate ioctl for device'));
  }
  // Echo off before the prompt shows: a key typed the moment it appears is not echoed.
  stdin.setRawMode(true);
  process.stderr.write(`${prompt}: `);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else if (typed.trim() === '') reject(new Error('secret cannot be empty'));
      else resolve(typed.trim());
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new Error('interrupted'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
