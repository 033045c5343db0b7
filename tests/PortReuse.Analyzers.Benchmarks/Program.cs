using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using PortReuse.Analyzers.Benchmarks.Benchmarks;
using PortReuse.Analyzers.Benchmarks.Measurement;
using PortReuse.Analyzers.Benchmarks.Report;

// dotnet run -c Release --project tests/PortReuse.Analyzers.Benchmarks [-- --quick [--builds N] [--write]]
//   (no options)  the full plan; writes docs/performance.md
//   --quick       smaller corpora, no whole build; prints the ratios only
//   --builds N    measure the whole build with N runs per variant in this plan too
//   --write       write docs/performance.md from a quick run as well (the page names its plan)
var quick = args.Contains("--quick");
var write = !quick || args.Contains("--write");
var buildRuns = args.SkipWhile(a => a != "--builds").Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
var repository = FindRepository();
var machine = MachineSnapshot.Take();
var plan = quick ? MeasurementPlan.CreateQuick(buildRuns ?? 0) : MeasurementPlan.CreateFull(buildRuns ?? 5);
AnalyzerOverheadBenchmarks.Plan = plan;

var artifacts = Path.Combine(repository, "artifacts", "benchmarks");
var job = Job.Default
    .WithToolchain(InProcessNoEmitToolchain.Instance)
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(plan.Iterations)
    .WithInvocationCount(1)
    .WithUnrollFactor(1);
var config = ManualConfig.CreateMinimumViable()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.DisableLogFile);

var summary = BenchmarkRunner.Run<AnalyzerOverheadBenchmarks>(config);
var telemetry = await TelemetryPass.RunAsync(plan, Console.Out);
var builds = plan.BuildRuns > 0 ? WholeBuild.Run(plan, Path.Combine(artifacts, "projects"), Console.Out) : Array.Empty<BuildTimes>();
machine.Finish();

var results = new Results(plan, summary, telemetry, builds);
if (telemetry.Sum(t => t.AnalyzerExceptions) is > 0 and var failures)
{
    Console.Error.WriteLine($"{failures} analyzer exceptions (AD0001) during the runs: the numbers are not valid.");
    return 1;
}

PerformanceReport.PrintRatios(results, Console.Out);
if (write)
{
    var page = Path.Combine(repository, "docs", "performance.md");
    File.WriteAllText(page, PerformanceReport.Render(results, machine));
    Console.WriteLine($"Wrote {page}");
}

return 0;

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "PortReuse.Analyzers.sln")))
        {
            return folder.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the PortReuse.Analyzers repository.");
}
