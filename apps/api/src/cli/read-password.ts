import { createInterface } from 'node:readline';

/**
 * The password for an operator command: the first line of standard input when it is not a
 * terminal (a script, `echo … |`), else asked twice at the terminal without echoing it.
 */
export async function readPassword(prompt = 'Mật khẩu: '): Promise<string> {
  if (!process.stdin.isTTY) {
    // Decoded as one stream, so a letter split between two reads stays one letter.
    process.stdin.setEncoding('utf8');
    let text = '';
    for await (const chunk of process.stdin) text += chunk as string;
    return text.split(/\r?\n/)[0];
  }
  const first = await askHidden(prompt);
  const again = await askHidden('Nhập lại mật khẩu: ');
  if (first !== again) throw new Error('The two passwords differ');
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Write the prompt ourselves, then let nothing typed reach the terminal.
    process.stdout.write(prompt);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
