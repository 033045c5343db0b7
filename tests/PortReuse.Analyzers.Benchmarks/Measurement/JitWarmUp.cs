using System.Diagnostics;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Analyses the smallest scaling corpus with every analyzer set, a fixed number of times, before anything is measured.
/// Tiered compilation keeps promoting Roslyn's methods for several analyses (here a 2,000-file analysis took 17 s, then
/// 9 s, then 6–7 s over its first ten runs); without this, whichever case BenchmarkDotNet measures later gains, and the
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
