// Command-line options of the benchmarks: `--sizes=300,1000 --runs=2 --flag` becomes
// { sizes: '300,1000', runs: '2', flag: 'true' }.
export function benchArgs(argv = process.argv.slice(2)) {
  return Object.fromEntries(
    argv.map((arg) => {
      const [key, value] = arg.replace(/^--/, '').split('=');
      return [key, value ?? 'true'];
    }),
  );
}
