using BenchmarkDotNet.Attributes;
using PortReuse.Analyzers.Benchmarks.Corpora;
using PortReuse.Analyzers.Benchmarks.Measurement;

namespace PortReuse.Analyzers.Benchmarks.Benchmarks;

/// <summary>
/// One fresh compilation of a corpus analysed by one analyzer set; BenchmarkDotNet times <see cref="Analyze"/> and
/// counts what it allocates. The plan (which corpora, which analyzers) is set by the program before the run, which
/// is in-process so the static plan is seen here.
/// </summary>
public class AnalyzerOverheadBenchmarks
{
    public static MeasurementPlan Plan { get; set; } = null!;

    private CompilationRun? _run;

    [ParamsSource(nameof(Cases))]
    public BenchmarkCase Case { get; set; } = null!;

    public static IEnumerable<BenchmarkCase> Cases() => Plan.BenchmarkCases();

    [GlobalSetup]
    public void CreateRun() => _run = new CompilationRun(Plan.Corpus(Case.CorpusKey), Case.Analyzer);

    // Parsing and creating the compilation stay outside the measurement: every iteration binds from scratch.
    [IterationSetup]
    public void FreshCompilation() => _run!.Prepare();

    [Benchmark]
    public int Analyze() => _run!.Analyze();
}

/// <summary>A corpus and the analyzer set run on it; its text is the row label BenchmarkDotNet prints.</summary>
public sealed record BenchmarkCase(string CorpusKey, AnalyzerUnderTest Analyzer)
{
    public override string ToString() => $"{CorpusKey}/{Analyzer}";
}
