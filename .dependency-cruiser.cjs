// The import rules of docs/architecture.md, checked by `pnpm lint` (dependency-cruiser).

/**
 * Which workspace packages each one may import (by folder). Everything else in the workspace is
 * forbidden to it. Keep this table and the layering picture in docs/architecture.md the same.
 */
const mayImport = {
  'packages/profile': [],
  'packages/snapshot': [],
  'packages/router': [],
  'packages/storage': [],
  'packages/pprof': [],
  'tools/heap': ['packages/profile', 'packages/snapshot'],
  'tools/soak': ['packages/profile', 'packages/snapshot', 'packages/pprof'],
  // The bench measures packages and tools; an app's benches live in the app and use the harness.
  'tools/bench': [
    'packages/profile',
    'packages/snapshot',
    'packages/router',
    'packages/storage',
    'packages/pprof',
    'tools/heap',
    'tools/soak',
  ],
  'apps/blog': [
    'packages/router',
    'packages/storage',
    'packages/pprof',
    'tools/soak',
    'tools/bench',
  ],
};

/**
 * Inside a package, the layers of its `src/` from the bottom up (a folder `x/` or a file `x.ts`):
 * a layer imports only layers below it or its own (model ← logic ← I/O ← entry).
 */
const layersOf = {
  'packages/profile': [
    'errors.ts',
    'regexp.ts',
    'measurement/',
    'profile/',
    'proto/',
    'file/',
    'graph/',
    'dot/',
    'report/',
    'index.ts',
  ],
  'packages/router': [
    'types.ts|errors.ts',
    'pool/',
    'options.ts',
    'routes/',
    'request/',
    'middleware/',
    'plugin.ts',
    'router.ts',
    'index.ts',
  ],
  'packages/pprof': ['errors.ts', 'profiles/', 'metrics/', 'core/', 'adapters/', 'index.ts'],
  'tools/heap': [
    'errors.ts|browser-script.ts',
    'settings/',
    'flame/',
    'web/',
    'shell/',
    'cli/',
    'index.ts',
  ],
  'tools/soak': ['errors.ts|units.ts', 'verdict/|config/', 'report/', 'run/', 'cli/', 'index.ts'],
};

const workspace = '^(packages|apps|tools|examples)/';
const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One rule per package: no import of a workspace package that the table does not list. */
const layering = Object.entries(mayImport).map(([from, allowed]) => ({
  name: `layering:${from}`,
  comment: `${from} may import ${allowed.length ? allowed.join(', ') : 'no other workspace package'} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^${literal(from)}/` },
  to: {
    path: workspace,
    pathNot: [from, ...allowed].map((dir) => `^${literal(dir)}/`),
  },
}));

/** One rule per layer: nothing above it. */
const innerLayering = Object.entries(layersOf).flatMap(([pkg, layers]) =>
  layers.slice(0, -1).map((layer, i) => {
    const src = `^${literal(pkg)}/src/`;
    const pattern = (l) => `${src}(${l.split('|').map(literal).join('|')})`;
    return {
      name: `inner-layering:${pkg}:${layer}`,
      comment: `in ${pkg}/src, ${layer} imports only the layers below it (docs/architecture.md)`,
      severity: 'error',
      from: { path: pattern(layer) },
      to: { path: layers.slice(i + 1).map(pattern) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layering,
    ...innerLayering,
    {
      name: 'no-unknown-package',
      comment:
        'every workspace package has a row in the mayImport table of .dependency-cruiser.cjs',
      severity: 'error',
      from: {
        path: workspace,
        pathNot: Object.keys(mayImport).map((dir) => `^${literal(dir)}/`),
      },
      to: {},
    },
    {
      name: 'no-relative-import-across-packages',
      comment: 'a relative import stays inside its package; other packages are imported by name',
      severity: 'error',
      from: { path: '^(packages|apps|tools|examples)/([^/]+)/' },
      to: { dependencyTypes: ['local'], pathNot: '^$1/$2/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-dev-dependency',
      comment: 'published code imports only what its manifest installs (dependencies or peers)',
      severity: 'error',
      from: { path: '^(packages|tools)/[^/]+/src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|test-artifacts|soak-report)/' },
    // Type-only imports count: a cycle through types still ties two files together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      // Workspace packages resolve to their sources, as the typecheck and vitest do.
      conditionNames: ['@pugo/source', 'import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
