// Runs a WASI program under node's own WASI (node:wasi), to compare its output with jwdb's.
// usage: node node-wasi.mjs [--dir HOST::GUEST]... [--env NAME=VALUE]... FILE.wasm [ARGS...]
// The program's stdout, stderr and exit status are node's; stdin is passed through.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const preopens = {};
const env = {};
const argv = process.argv.slice(2);
while (argv.length > 0 && argv[0].startsWith('--')) {
  const option = argv.shift();
  const value = argv.shift();
  if (option === '--dir') {
    const [host, guest] = value.split('::');
    preopens[guest ?? host] = host;
  } else if (option === '--env') {
    const eq = value.indexOf('=');
    env[value.slice(0, eq)] = value.slice(eq + 1);
  } else {
    console.error(`node-wasi: unknown option ${option}`);
    process.exit(2);
  }
}
if (argv.length === 0) {
  console.error('usage: node node-wasi.mjs [--dir HOST::GUEST]... [--env NAME=VALUE]... FILE.wasm [ARGS...]');
  process.exit(2);
}
const wasi = new WASI({ version: 'preview1', args: argv, env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(argv[0]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
