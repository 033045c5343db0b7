using System.Collections.Immutable;
using System.Diagnostics;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// What one analysed compilation produced, how long the analysis took by the wall clock, and how much of that the
/// process spent paused for garbage collections (which a callback running at the time is charged with).
/// </summary>
public sealed record RunResult(int PortReuseDiagnostics, int AnalyzerExceptions, IReadOnlyDictionary<string, TimeSpan> ExecutionTimes, TimeSpan Wall, TimeSpan CollectorPauses)
{
    public double PauseShare => CollectorPauses / Wall;
}

/// <summary>
/// One fresh compilation of a corpus with <see cref="CompilationWithAnalyzers"/>, as the command-line compiler runs
/// analyzers (concurrently, against .NET 8 reference assemblies). Parsing happens in <see cref="Prepare"/>, outside the
/// measured part, so every run starts from new syntax trees and a compilation that has bound nothing yet.
/// </summary>
public sealed class CompilationRun
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private readonly SourceText[] _texts;
    private readonly string[] _paths;
    private readonly AnalyzerUnderTest[] _analyzers;
    private CompilationWithAnalyzers? _prepared;
    private int _exceptions;

    public CompilationRun(Corpus corpus, params AnalyzerUnderTest[] analyzers)
    {
        _texts = corpus.Files.Select(f => SourceText.From(f.Text)).ToArray();
        _paths = corpus.Files.Select(f => f.Path).ToArray();
        _analyzers = analyzers;
    }

    /// <summary>
    /// Parses anew and builds the compilation; nothing is bound until <see cref="Analyze"/>. With the execution-time log
    /// on, the driver runs one callback at a time: each callback is timed by the wall clock, and on two cores a
    /// concurrent driver keeps more threads busy than there are cores, so a callback's time would include the time its
    /// thread waited for a core (CA2000's logged time then exceeded the whole analysis's wall time).
    /// </summary>
    /// <param name="logExecutionTime">Turn the driver's execution-time log on (and run one callback at a time).</param>
    /// <param name="timeCpu">Wrap each analyzer in a <see cref="CpuTimedAnalyzer"/> (and run one callback at a time, as the logged runs do).</param>
    public void Prepare(bool logExecutionTime = false, bool timeCpu = false)
    {
        var compilation = Compile(_texts.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, _paths[i])));
        var analyzers = _analyzers.SelectMany(a => AnalyzerSets.For(a))
            .Select(a => timeCpu ? new CpuTimedAnalyzer(a) : a)
            .ToImmutableArray();
        _exceptions = 0;
        var withAnalyzers = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (_, _, _) => Interlocked.Increment(ref _exceptions),
            concurrentAnalysis: !(logExecutionTime || timeCpu),
            logAnalyzerExecutionTime: logExecutionTime,
            reportSuppressedDiagnostics: false);
        _prepared = compilation.WithAnalyzers(analyzers, withAnalyzers);
    }

    /// <summary>A corpus parsed and compiled as every measured run compiles it; nothing is bound yet.</summary>
    public static CSharpCompilation CreateCompilation(Corpus corpus)
        => Compile(corpus.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)));

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // CA2000 is off by default; the peer measurement turns it on as a user would.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [AnalyzerSets.PeerRuleId] = ReportDiagnostic.Warn });
        return CSharpCompilation.Create("Corpus", trees, Net80.References.All, options);
    }

    /// <summary>The measured part: the driver binds every method body and runs the analyzers over them.</summary>
    public int Analyze()
        => (_prepared ?? throw new InvalidOperationException("Prepare first."))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    /// <summary>Prepares, then times one analysis by the wall clock.</summary>
    public TimeSpan TimeAnalysis()
    {
        Prepare();
        CollectPreviousRun();
        var clock = Stopwatch.StartNew();
        Analyze();
        return clock.Elapsed;
    }

    /// <summary>Prepares, analyses and reads each analyzer's own execution time (the driver's telemetry).</summary>
    public async Task<RunResult> AnalyzeWithTelemetryAsync()
    {
        var (prepared, diagnostics, wall, pauses) = await PrepareAndAnalyzeAsync(logExecutionTime: true, timeCpu: false);
        var times = new Dictionary<string, TimeSpan>();
        foreach (var analyzer in prepared.Analyzers)
        {
            var telemetry = await prepared.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            times[analyzer.GetType().Name] = telemetry.ExecutionTime;
        }

        var compilerErrors = prepared.Compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        if (compilerErrors > 0)
        {
            throw new InvalidOperationException($"The generated corpus does not compile ({compilerErrors} errors), so it measures nothing real.");
        }

        return new RunResult(PortReuseCount(diagnostics), _exceptions, times, wall, pauses);
    }

    /// <summary>
    /// Prepares with every analyzer wrapped in a <see cref="CpuTimedAnalyzer"/>, analyses, and reads the CPU time each
    /// one's callbacks used, keyed like the driver's log. Kept apart from the logged runs: reading the clock is a system
    /// call per callback, which the log would charge to the analyzer.
    /// </summary>
    public async Task<RunResult> AnalyzeWithCpuClockAsync()
    {
        var (prepared, diagnostics, wall, pauses) = await PrepareAndAnalyzeAsync(logExecutionTime: false, timeCpu: true);
        var times = prepared.Analyzers.OfType<CpuTimedAnalyzer>().ToDictionary(a => a.InnerName, a => a.CpuTime);
        return new RunResult(PortReuseCount(diagnostics), _exceptions, times, wall, pauses);
    }

    private async Task<(CompilationWithAnalyzers Prepared, ImmutableArray<Diagnostic> Diagnostics, TimeSpan Wall, TimeSpan CollectorPauses)> PrepareAndAnalyzeAsync(bool logExecutionTime, bool timeCpu)
    {
        Prepare(logExecutionTime, timeCpu);
        CollectPreviousRun();
        var prepared = _prepared!;
        var pausesBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var diagnostics = await prepared.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (prepared, diagnostics, clock.Elapsed, GC.GetTotalPauseDuration() - pausesBefore);
    }

    private static int PortReuseCount(ImmutableArray<Diagnostic> diagnostics) => diagnostics.Count(d => d.Id.StartsWith("PR", StringComparison.Ordinal));

    /// <summary>
    /// A collection during a callback is charged to that analyzer's time, and one during a timed analysis to that run:
    /// start each from a collected heap so the garbage of the previous run is not collected inside this one.
    /// </summary>
    private static void CollectPreviousRun()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
