using System.Diagnostics;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Analyses the smallest scaling corpus with every analyzer set until the compiler's code is jitted at its final tier.
/// Tiered compilation keeps promoting Roslyn's methods for several analyses (a 2,000-file run fell from 9 s to 6 s
/// over its first eight runs here); without this, whichever case BenchmarkDotNet measures later gains, and the
/// baseline is always measured first.
/// </summary>
public static class JitWarmUp
{
    public static void Run(MeasurementPlan plan, TextWriter log)
    {
        var analyzers = plan.TimesPeer
            ? new[] { AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse, AnalyzerUnderTest.Peer }
            : new[] { AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse };
        var run = new CompilationRun(plan.Scaling[0], analyzers);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < plan.WarmUpRuns; i++)
        {
            run.Prepare();
            run.Analyze();
        }

        log.WriteLine($"warm-up: {plan.WarmUpRuns} analyses of {plan.Scaling[0].Key} in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
