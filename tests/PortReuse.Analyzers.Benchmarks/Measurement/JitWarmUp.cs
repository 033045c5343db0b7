using System.Diagnostics;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Analyses the smallest scaling corpus with every analyzer set, and the long file with the baseline and ours, a fixed
/// number of times each, alternating and the long file first, before anything is measured. Tiered compilation keeps
/// promoting Roslyn's methods for several analyses (here a 2,000-file analysis took 17 s, then 9 s, then 6–7 s over its
/// first ten runs); without this, whichever case BenchmarkDotNet measures later gains, and the baseline is always
/// measured first. The long file is in it because dynamic PGO optimises Roslyn's code for the shapes it saw first: in
/// processes warmed on short methods only, building the operation trees of the long file's long methods under our
/// callbacks stayed up to 3× slower (our CPU time there 17–23 ms against 12–13 ms) for many runs, and one pass of the
/// long file then measured a state the other pass did not; processes that had analysed the long file first were in
/// the fast state from their first measured run. Interleaved with mixed-500 it did not remove the spread: in the
/// first full plan with this warm-up, the first pass still measured our CPU time on the long file at 12–28 ms over
/// twelve runs (the second at 12–18 ms), so the passes are still pooled and shown one by one.
/// </summary>
public static class JitWarmUp
{
    public static void Run(MeasurementPlan plan, TextWriter log)
    {
        var analyzers = plan.TimesPeer
            ? new[] { AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse, AnalyzerUnderTest.Peer }
            : new[] { AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse };
        var runs = new[]
        {
            new CompilationRun(plan.LongFile, AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse),
            new CompilationRun(plan.Scaling[0], analyzers),
        };
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < plan.WarmUpRuns; i++)
        {
            foreach (var run in runs)
            {
                run.Prepare();
                run.Analyze();
            }
        }

        log.WriteLine($"warm-up: {plan.WarmUpRuns} analyses each of {plan.LongFile.Key} and {plan.Scaling[0].Key} in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
