using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using PortReuse.Analyzers.Benchmarks.Benchmarks;
using PortReuse.Analyzers.Benchmarks.Measurement;
using PortReuse.Analyzers.Benchmarks.Report;

// dotnet run -c Release --project tests/PortReuse.Analyzers.Benchmarks [-- --quick [--builds N] [--write] | --walk]
//   (no options)  the full plan; writes docs/performance.md
//   --walk        the flow walk alone against a bare operation walker (FlowWalkBenchmarks), for changes to the walker
//   --quick       smaller corpora, no whole build; prints the ratios only
//   --builds N    measure the whole build in N rounds (an even number; the full plan's default is 14) in this plan too
//   --write       write docs/performance.md from a quick run as well (the page names its plan)
var repository = FindRepository();
var artifacts = Path.Combine(repository, "artifacts", "benchmarks");
if (args.Contains("--walk"))
{
    // Milliseconds per operation on prebuilt trees: BenchmarkDotNet's default strategy picks the invocation counts.
    BenchmarkRunner.Run<FlowWalkBenchmarks>(Config(Job.Default.WithToolchain(InProcessNoEmitToolchain.Instance).WithGcServer(true)));
    return 0;
}

var quick = args.Contains("--quick");
var write = !quick || args.Contains("--write");
int? buildRuns = null;
if (args.SkipWhile(a => a != "--builds").Skip(1).FirstOrDefault() is { } builds)
{
    if (!int.TryParse(builds, out var n) || n < 0 || n % 2 != 0)
    {
        Console.Error.WriteLine($"--builds takes an even number of rounds (each block is one round of either order), not '{builds}'.");
        return 2;
    }

    buildRuns = n;
}

var machine = MachineSnapshot.Take();
var plan = quick ? MeasurementPlan.CreateQuick(buildRuns ?? 0) : MeasurementPlan.CreateFull(buildRuns ?? 14);
AnalyzerOverheadBenchmarks.Plan = plan;

var job = Job.Default
    // In-process so the plan set above is seen; the default 5-minute limit per case is too short for 4,000 files on a busy machine.
    .WithToolchain(new InProcessNoEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(plan.Iterations)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    // In-process, so this states the process's own setting (the project sets it): the compiler runs with server GC.
    .WithGcServer(true);
var config = Config(job);

JitWarmUp.Run(plan, Console.Out);
var summary = BenchmarkRunner.Run<AnalyzerOverheadBenchmarks>(config);
IReadOnlyList<BuildTimes> wholeBuilds = Array.Empty<BuildTimes>();
// The in-process passes sit before and after the whole build, so they see the machine in two stretches half an hour
// apart; with a whole build to come, the page is written after the first as well, so a run cut short still leaves one.
var passes = new List<InProcessPass>();
for (var pass = 0; pass < plan.Passes; pass++)
{
    var measured = await InProcessPass.RunAsync(plan, pass, Console.Out);
    if (measured.AnalyzerExceptions is > 0 and var failures)
    {
        Console.Error.WriteLine($"{failures} analyzer exceptions (AD0001) during the runs: the numbers are not valid.");
        return 1;
    }

    passes.Add(measured);
    if (pass == 0 && plan.BuildRuns > 0)
    {
        Report(Array.Empty<BuildTimes>());
        wholeBuilds = WholeBuild.Run(plan, Path.Combine(artifacts, "projects"), Console.Out);
    }
}

Report(wholeBuilds);
return 0;

void Report(IReadOnlyList<BuildTimes> measuredBuilds)
{
    machine.Finish();
    var results = new Results(plan, summary, passes, measuredBuilds);
    PerformanceReport.PrintRatios(results, Console.Out);
    if (write)
    {
        var page = Path.Combine(repository, "docs", "performance.md");
        File.WriteAllText(page, PerformanceReport.Render(results, machine));
        Console.WriteLine($"Wrote {page}");
    }
}

ManualConfig Config(Job job) => ManualConfig.CreateMinimumViable()
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithArtifactsPath(artifacts)
    .WithOptions(ConfigOptions.DisableLogFile);

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
