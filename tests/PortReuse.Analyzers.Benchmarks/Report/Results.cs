using BenchmarkDotNet.Reports;
using PortReuse.Analyzers.Benchmarks.Benchmarks;
using PortReuse.Analyzers.Benchmarks.Corpora;
using PortReuse.Analyzers.Benchmarks.Measurement;

namespace PortReuse.Analyzers.Benchmarks.Report;

/// <summary>Median time and allocations of one benchmark case.</summary>
public sealed record Timing(TimeSpan Median, long AllocatedBytes);

/// <summary>Everything one run measured, and the ratios the targets are stated in.</summary>
public sealed class Results
{
    private readonly Dictionary<(string Corpus, AnalyzerUnderTest Analyzer), Timing> _timings;

    public Results(MeasurementPlan plan, Summary summary, IReadOnlyList<InProcessPass> passes, IReadOnlyList<BuildTimes> builds)
    {
        Plan = plan;
        Passes = passes;
        Telemetry = passes[0].Telemetry.Select(t => AnalyzerTimes.Pool(passes.Select(p => p.Times(t.Corpus)).ToList())).ToList();
        Paired = passes[0].Paired.Select(a => new AnalysisPairs(a.Corpus, PairedTimes.Pool(passes.Select(p => p.Pairs(a.Corpus)!)))).ToList();
        Builds = builds;
        _timings = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(
                r => ((BenchmarkCase)r.BenchmarkCase.Parameters["Case"]) is var c ? (c.CorpusKey, c.Analyzer) : default,
                r => new Timing(TimeSpan.FromTicks((long)(r.ResultStatistics!.Median / 100)), r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0));
    }

    public MeasurementPlan Plan { get; }

    /// <summary>The in-process passes as measured; <see cref="Telemetry"/> and <see cref="Paired"/> pool them.</summary>
    public IReadOnlyList<InProcessPass> Passes { get; }

    /// <summary>Each corpus's telemetry runs of every pass.</summary>
    public IReadOnlyList<AnalyzerTimes> Telemetry { get; }

    /// <summary>
    /// Baseline and ours analysed a moment apart, round after round, the rounds of every pass: the wall-time targets are
    /// judged on these.
    /// </summary>
    public IReadOnlyList<AnalysisPairs> Paired { get; }

    public IReadOnlyList<BuildTimes> Builds { get; }

    public Timing? Timing(Corpus corpus, AnalyzerUnderTest analyzer) => _timings.GetValueOrDefault((corpus.Key, analyzer));

    /// <summary>The median of the paired rounds' ours / baseline; null when the corpus was not paired.</summary>
    public double? PairedRatio(Corpus corpus) => Paired.FirstOrDefault(p => p.Corpus == corpus)?.Times.Ratio;

    /// <summary>Each pass's own median of blocks, to set beside the pooled <see cref="PairedRatio"/>.</summary>
    public IReadOnlyList<double?> PairedRatioByPass(Corpus corpus)
        => Passes.Select(p => p.Pairs(corpus)?.Ratio).ToList();

    /// <summary>Wall time with the analyzer over wall time with the no-op baseline (1.02 = 2% slower), from BenchmarkDotNet's medians.</summary>
    public double? TimeRatio(Corpus corpus, AnalyzerUnderTest analyzer)
        => Timing(corpus, analyzer) is { } t && Timing(corpus, AnalyzerUnderTest.Baseline) is { } b ? t.Median / b.Median : null;

    public double? AllocationRatio(Corpus corpus, AnalyzerUnderTest analyzer)
        => Timing(corpus, analyzer) is { } t && Timing(corpus, AnalyzerUnderTest.Baseline) is { AllocatedBytes: > 0 } b
            ? (double)t.AllocatedBytes / b.AllocatedBytes
            : null;

    public AnalyzerTimes Times(Corpus corpus) => Telemetry.Single(t => t.Corpus == corpus);

    /// <summary>
    /// The baseline compilation's wall time (the no-op run's, concurrent) that shares divide by: the one timed between
    /// the telemetry runs where there is one, else BenchmarkDotNet's median.
    /// </summary>
    public TimeSpan? BaselineCompilation(Corpus corpus) => BaselineCompilation(Times(corpus));

    /// <summary>Our own execution time as a share of the baseline compilation.</summary>
    public double? ExecutionShare(Corpus corpus) => ExecutionShare(Times(corpus));

    /// <summary>Each pass's own share, to set beside the pooled <see cref="ExecutionShare(Corpus)"/>.</summary>
    public IReadOnlyList<double?> ExecutionShareByPass(Corpus corpus) => ByPass(corpus, ExecutionShare);

    /// <summary>The CPU time our callbacks used beyond the no-op's, as a share of the baseline compilation.</summary>
    public double? CpuShare(Corpus corpus) => CpuShare(Times(corpus));

    /// <summary>Each pass's own CPU share, to set beside the pooled <see cref="CpuShare(Corpus)"/>.</summary>
    public IReadOnlyList<double?> CpuShareByPass(Corpus corpus) => ByPass(corpus, CpuShare);

    private IReadOnlyList<double?> ByPass(Corpus corpus, Func<AnalyzerTimes, double?> share)
        => Passes.Select(p => share(p.Times(corpus))).ToList();

    private double? CpuShare(AnalyzerTimes times)
        => times.CpuShare ?? (BaselineCompilation(times) is { } b && times.PortReuseCpu is { } cpu ? cpu / b : null);

    private TimeSpan? BaselineCompilation(AnalyzerTimes times)
        => times.BaselineCompilation ?? Timing(times.Corpus, AnalyzerUnderTest.Baseline)?.Median;

    /// <summary>Run by run where the baseline compilation was timed with the runs (see <see cref="AnalyzerTimes.ExecutionShare"/>), else against BenchmarkDotNet's median.</summary>
    private double? ExecutionShare(AnalyzerTimes times)
        => times.ExecutionShare ?? (BaselineCompilation(times) is { } b ? times.PortReuse / b : null);

    public static double PerFileMicroseconds(TimeSpan time, Corpus corpus) => time.TotalMicroseconds / corpus.Files.Count;

    /// <summary>Time per file at the largest scaling size over that at the smallest, by the given measure of time per file.</summary>
    public double? ScalingRatio(Func<Corpus, double?> perFile)
        => perFile(Plan.Scaling[0]) is > 0 and var first && perFile(Plan.Scaling[^1]) is { } last ? last / first : null;

    public double? ExecutionPerFile(Corpus corpus) => PerFileMicroseconds(Times(corpus).PortReuse, corpus);

    public double? CpuPerFile(Corpus corpus) => Times(corpus).PortReuseCpu is { } cpu ? PerFileMicroseconds(cpu, corpus) : null;
}
