using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>Wall time of one corpus analysed by the no-op baseline (without) and by ours (with), in alternating rounds.</summary>
public sealed record AnalysisPairs(Corpus Corpus, PairedTimes Times);

/// <summary>
/// The in-process wall-time ratios the targets are judged by. BenchmarkDotNet runs its cases one after the other (every
/// iteration of the baseline, then every iteration of ours), so its two medians compare runs minutes apart, while this
/// machine's speed drifts by more than the targets' margins over minutes. Here each round analyses the corpus with the
/// baseline and with ours a moment apart, as the whole build does.
/// </summary>
public static class PairedAnalysisPass
{
    public static IReadOnlyList<AnalysisPairs> Run(MeasurementPlan plan, int pass, TextWriter log)
    {
        var corpora = new[] { plan.Plain, plan.Mixed };
        var runs = corpora.ToDictionary(
            c => c,
            c => (Without: new CompilationRun(c, AnalyzerUnderTest.Baseline), With: new CompilationRun(c, AnalyzerUnderTest.PortReuse)));
        var times = PairedTimes.Alternate(
            corpora,
            plan.PairedRounds,
            (corpus, withAnalyzer) => (withAnalyzer ? runs[corpus].With : runs[corpus].Without).TimeAnalysis(),
            (corpus, withAnalyzer, elapsed, warmUp) => log.WriteLine($"paired {corpus.Key}, pass {pass + 1}, {(withAnalyzer ? "ours" : "baseline")}: {elapsed.TotalMilliseconds:F0} ms{(warmUp ? " (warm-up)" : "")}"));
        return corpora.Select(c => new AnalysisPairs(c, times[c])).ToList();
    }
}
