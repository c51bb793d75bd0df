// The `hazatlas` command tree (commander): help for every command (`--help`, `-h`, `help CMD`),
// `--version`, unknown commands refused. Each leaf hands its arguments to its module, whose strict
// parser validates them (unknown flags refused, numbers checked), so the flag contracts stay there.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.js';

type Run = (args: string[]) => Promise<void>;

interface Leaf {
  name: string;
  summary: string;
  usage: string;
  load: () => Promise<Run>;
}

interface Group {
  name: string;
  summary: string;
  subcommands: Array<{ name: string; summary: string; usage: string }>;
  load: () => Promise<Run>;
}

const RELEASE_FLAGS =
  '[--release-kg M | --release-volume-m3 V --release-concentration-mg-l C] [--substance NAME] [--decay-per-day K] [--discharge-factor F] [--limit-mg-l L]';
const FILTERS =
  '[--country ISO3] [--basin NAME|ID] [--kind K] [--sector S] [--status S] [--bbox W,S,E,N] [--q TEXT] [--min-wri N] [--min-thi N] [--annex-i true|false]';

const LEAVES: Leaf[] = [
  {
    name: 'trace',
    summary: 'downstream trace from a point (countries, crossings, outlets; arrival with a release)',
    usage: `<lon> <lat> | --site ID [--max-km N] [--snap-max-km N] [--river NAME] ${RELEASE_FLAGS} [--released-at ISO [--plan ID]] [--json]`,
    load: async () => (await import('./trace.js')).runTraceCommand,
  },
  {
    name: 'upstream',
    summary: 'registered sites that drain to a point, by hazard and arrival',
    usage: '<lon> <lat> [--max-km N] [--max-hours H] [--snap-max-km N] [--river NAME] [--limit N] [--json]',
    load: async () => (await import('./upstream.js')).runUpstreamCommand,
  },
  {
    name: 'matrix',
    summary: 'origin × affected country matrix of a basin',
    usage: '[--basin NAME|ID] [--csv|--json]',
    load: async () => (await import('./upstream.js')).runMatrixCommand,
  },
  {
    name: 'review',
    summary: 'land-use planning review of a proposed development',
    usage: '<lon> <lat> --type housing|school_hospital|workplace|… [--name TEXT] [--json]',
    load: async () => (await import('./planning.js')).runReview,
  },
  {
    name: 'backup',
    summary: 'online, verified copy of the database (safe while the server runs)',
    usage: 'FILE [--force] [--json]',
    load: async () => (await import('./backup.js')).runBackup,
  },
  {
    name: 'restore',
    summary:
      'verified restore; refused while a server holds the database, even with --force (old file kept as .bak)',
    usage: 'FILE [--force] [--json]',
    load: async () => (await import('./backup.js')).runRestore,
  },
  {
    name: 'audit',
    summary: 'the audit log (logins, refusals, account, token and receptor changes)',
    usage: '[--action NAME|PREFIX.] [--outcome ok|failed|refused] [--limit N] [--offset N] [--json]',
    load: async () => (await import('./audit.js')).runAudit,
  },
  {
    name: 'report',
    summary: 'site report (HTML, JSON or CSV)',
    usage: `<siteId> [--format html|json|csv] [--lang en|ru] ${RELEASE_FLAGS} [--out FILE]`,
    load: async () => (await import('./report.js')).runReportCommand,
  },
  {
    name: 'notify',
    summary: 'draft of a transboundary accident notification',
    usage: `<siteId> [--accident-at ISO] [--format html|json] [--lang en|ru] ${RELEASE_FLAGS} [--out FILE]`,
    load: async () => (await import('./report.js')).runNotifyCommand,
  },
];

const GROUPS: Group[] = [
  {
    name: 'exercise',
    summary: 'table-top exercises: scenario, timeline of injects, action log, after-action report',
    subcommands: [
      {
        name: 'create',
        summary: 'store an exercise scenario under a plan',
        usage:
          '--name TEXT (--lon X --lat Y | --site ID) --release-kg M [--substance NAME] --start-at ISO --plan ID [--json]',
      },
      { name: 'timeline', summary: 'the injects in time order', usage: 'ID [--json]' },
      {
        name: 'action',
        summary: 'log what a participant did and when',
        usage:
          'ID --kind notification_sent|station_sampled|other --at ISO [--iso3 AAA] [--station ID] [--note TEXT]',
      },
      { name: 'report', summary: 'after-action report', usage: 'ID [--format json|html] [--out FILE]' },
    ],
    load: async () => (await import('./exercise.js')).runExerciseCommand,
  },
  {
    name: 'sites',
    summary: 'the register: import, export, list',
    subcommands: [
      {
        name: 'import',
        summary: 'import a GeoJSON, CSV, KML or KMZ file (all rows or none)',
        usage:
          'FILE [--format geojson|csv|kml|kmz|gpkg|shp] [--crs EPSG:xxxx] [--dry-run] [--skip-duplicates] [--json]',
      },
      {
        name: 'export',
        summary: 'export sites (any list filter)',
        usage: `--format geojson|csv|kml|gpkg [--dialect excel] ${FILTERS} [--out FILE]`,
      },
      {
        name: 'list',
        summary: 'list sites',
        usage: `${FILTERS} [--sort KEY] [--limit N] [--offset N] [--json]`,
      },
    ],
    load: async () => (await import('./sites.js')).runSites,
  },
  {
    name: 'screening',
    summary: 'border and natech screening of the register',
    subcommands: [
      {
        name: 'border',
        summary: 'sites near a border or whose river reaches one',
        usage: '[--within-km N] [--border-within-km N] [--json]',
      },
      {
        name: 'natech',
        summary: 'sites in flood zones or near rivers',
        usage: '[--river-within-m N] [--json]',
      },
    ],
    load: async () => (await import('./planning.js')).runScreening,
  },
  {
    name: 'planning',
    summary: 'saved planning reviews (case records)',
    subcommands: [
      {
        name: 'reviews',
        summary: 'list, show, save (re-runs the review) or print saved planning reviews',
        usage:
          'list [--limit N] [--offset N] [--json] | show ID [--json] | save <lon> <lat> --type T --title TEXT [--reference REF] [--name TEXT] [--json] | print ID [--lang en|ru] [--out FILE]',
      },
    ],
    load: async () => (await import('./planning-reviews.js')).runPlanning,
  },
  {
    name: 'receptors',
    summary: 'receptor layers (water intakes, schools, flood zones, …)',
    subcommands: [
      {
        name: 'import',
        summary: 'import receptors (all rows or none, or --skip-invalid)',
        usage:
          'FILE [--format geojson|csv|kml] [--kind K] [--crs EPSG:xxxx] [--dry-run] [--skip-invalid] [--json]',
      },
      { name: 'list', summary: 'list receptors', usage: '[--kind K[,K…]] [--limit N] [--json]' },
    ],
    load: async () => (await import('./receptors.js')).runReceptors,
  },
  {
    name: 'stations',
    summary: 'monitoring and warning stations (snapped to the network with river km)',
    subcommands: [
      {
        name: 'import',
        summary: 'import stations from GeoJSON or CSV (all rows or none)',
        usage: 'FILE [--dry-run] [--json]',
      },
      { name: 'list', summary: 'list stations', usage: '[--json]' },
    ],
    load: async () => (await import('./stations.js')).runStations,
  },
  {
    name: 'network',
    summary: 'the river network: check a supplement file without building',
    subcommands: [
      {
        name: 'check',
        summary: 'validate a network supplement (lines, direction, joins) against the built network',
        usage: 'FILE [--json]',
      },
    ],
    load: async () => (await import('./network.js')).runNetwork,
  },
  {
    name: 'users',
    summary: 'accounts',
    subcommands: [
      {
        name: 'add',
        summary: 'add a user (asks for the password)',
        usage: 'NAME --admin | --role editor|viewer [--password-stdin] [--json]',
      },
      { name: 'list', summary: 'list users', usage: '[--json]' },
    ],
    load: async () => (await import('./users.js')).runUsers,
  },
  {
    name: 'tokens',
    summary: 'API tokens',
    subcommands: [
      {
        name: 'create',
        summary: 'create a token (printed once)',
        usage: '--user NAME [--role viewer|editor|admin] [--name LABEL] [--json]',
      },
      { name: 'list', summary: 'list tokens', usage: '[--json]' },
      { name: 'revoke', summary: 'revoke a token', usage: 'ID [--json]' },
    ],
    load: async () => (await import('./users.js')).runTokens,
  },
];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** A leaf: arguments pass through untouched (negative coordinates, module-specific flags). */
function leaf(
  parent: Command,
  name: string,
  summary: string,
  usage: string,
  run: (args: string[]) => Promise<void>,
) {
  const cmd = parent
    .command(name)
    .summary(summary)
    .description(summary)
    .usage(usage)
    .helpOption('-h, --help', 'show this help')
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .action(async (args: string[]) => {
      // After the first flag commander stops looking for its own, so find a late --help here.
      if (args.includes('--help') || args.includes('-h')) return cmd.help();
      await run(args);
    });
  return cmd;
}

/** Where help and version text go (stdout by default; tests capture it). */
export interface CliOutput {
  writeOut(text: string): void;
}

const STDOUT: CliOutput = { writeOut: (t) => void process.stdout.write(t) };

export function buildProgram(io: CliOutput = STDOUT): Command {
  const output = { writeOut: io.writeOut, writeErr: () => {}, outputError: () => {} };
  const program = new Command('hazatlas')
    .description('Transboundary hazard mapping for river basins: register, downstream trace, planning.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show help for a command')
    .configureHelp({ subcommandTerm: (cmd) => cmd.name() })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  for (const l of LEAVES) leaf(program, l.name, l.summary, l.usage, async (args) => (await l.load())(args));
  for (const g of GROUPS) {
    const group = program
      .command(g.name)
      .summary(g.summary)
      .description(g.summary)
      .helpOption('-h, --help', 'show this help')
      .helpCommand('help [command]', 'show help for a command')
      .configureHelp({ subcommandTerm: (cmd) => cmd.name() })
      .exitOverride()
      .configureOutput(output);
    for (const s of g.subcommands)
      leaf(group, s.name, s.summary, s.usage, async (args) =>
        (await g.load())([s.name, ...args]),
      ).exitOverride();
  }
  return program;
}

/** Runs the CLI; commander's own outcomes become exit codes: help and version 0, usage errors 2. */
export async function runCli(argv: string[], io: CliOutput = STDOUT): Promise<void> {
  const program = buildProgram(io);
  // `help sites import`: commander's help command looks one level down only; ask the leaf itself.
  const args = argv[0] === 'help' && argv.length > 2 ? [...argv.slice(1), '--help'] : argv;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return;
    const message = err.message.replace(/^error: /, '');
    const group = program.commands.find((c) => c.name() === argv[0] && c.commands.length > 0);
    const help = (group ?? program).helpInformation();
    if (err.code === 'commander.unknownCommand') {
      throw new CliError(`Unknown command ${message.replace(/^unknown command /, '')}.\n${help}`);
    }
    if (err.code === 'commander.help') {
      // A group without its subcommand (`hazatlas sites`): its help, as a usage error.
      throw new CliError(`Give a subcommand.\n${help}`);
    }
    throw new CliError(message);
  }
}
