/** The CLI's only window on the terminal: output streams and a prompt that does not echo. */
export interface Terminal {
  interactive: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  askHidden: (prompt: string) => Promise<string>;
}

function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  // Echo off before the prompt shows, so that nothing typed (or pasted) after it is echoed.
  input.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') answer = [...answer].slice(0, -1).join('');
        else answer += ch;
      }
    };
    input.resume();
    input.on('data', onData);
  });
}

export function processTerminal(): Terminal {
  return {
    interactive: Boolean(process.stdin.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    askHidden,
  };
}
