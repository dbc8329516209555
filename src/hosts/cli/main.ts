import { UsageError, type Command, type CommandIo } from "./command.js";
import { dueCommand } from "./dueCommand.js";
import { forTerminal, forTerminalBytes } from "./forTerminal.js";
import { importCommand } from "./importCommand.js";
import { provisionCommand } from "./provisionCommand.js";
import { reportCommand } from "./reportCommand.js";

/** Each command is one file; adding one means adding it to this list. */
const COMMANDS: readonly Command[] = [dueCommand, importCommand, reportCommand, provisionCommand];

const HELP = `IRO Desk: statutory timescales for Independent Reviewing Officer services.

Usage: iro-desk COMMAND [options]

${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join("\n")}

iro-desk COMMAND --help shows a command's options.
`;

export async function main(argv: readonly string[], raw: CommandIo): Promise<number> {
  // Whatever a command prints, from whatever file or answer, reaches the terminal harmless.
  const io: CommandIo = {
    ...raw,
    stdout: (output) => raw.stdout(typeof output === "string" ? forTerminal(output) : forTerminalBytes(output)),
    stderr: (text) => raw.stderr(forTerminal(text)),
  };
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`iro-desk: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`Usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    // parseArgs reports unknown options with a TypeError carrying this code.
    if (error instanceof UsageError || (error as Error).name === "UsageError" || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`iro-desk ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
