using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Each analyzer's own execution time on one corpus, as the driver logs it (the median of the logged runs), and the CPU
/// time our callbacks used beyond the no-op's, from runs of their own (null where the thread clock cannot be read), and
/// the baseline compilation's wall time timed between those runs (null for corpora whose share is not a target), and
/// the share of the logged runs' wall time the process spent paused for garbage collections (median). It keeps every
/// run, so the passes of one plan pool into one set of medians (see <see cref="Pool"/>).
/// </summary>
public sealed record AnalyzerTimes(Corpus Corpus, IReadOnlyList<RunResult> LoggedRuns, IReadOnlyList<RunResult> PeerRuns, IReadOnlyList<RunResult> CpuRuns, IReadOnlyList<TimeSpan> BaselineCompilations)
{
    public TimeSpan Baseline => Median(LoggedRuns, nameof(NoOpAnalyzer));

    public TimeSpan PortReuse => Median(LoggedRuns, nameof(SocketBindAnalyzer));

    public TimeSpan? Peer => PeerRuns.Count > 0 ? Median(PeerRuns, AnalyzerSets.PeerTypeName) : null;

    /// <summary>The CPU clock's runs: ours less the no-op, whose time is the clock's own cost, which every callback pays alike.</summary>
    public TimeSpan? PortReuseCpu => CpuRuns.Count > 0 ? Statistics.Median(CpuBeyondNoOp.ToList()) : null;

    public TimeSpan? BaselineCompilation => BaselineCompilations.Count > 0 ? Statistics.Median(BaselineCompilations) : null;

    /// <summary>
    /// Our logged time over the baseline compilation timed with it, run by run (the lists are in step), then the median:
    /// each run's two sides see the machine in the same stretch, where medians of either side over pooled passes would
    /// set one stretch's numerator against another's denominator. Null where no baseline compilation was timed.
    /// </summary>
    public double? ExecutionShare => SharePerRun(LoggedRuns.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)]));

    /// <summary>As <see cref="ExecutionShare"/>, for the CPU clock's runs (ours less the no-op).</summary>
    public double? CpuShare => CpuRuns.Count == BaselineCompilations.Count
        ? SharePerRun(CpuBeyondNoOp)
        : null;

    public double PauseShare => Statistics.Median(LoggedRuns.Select(r => r.PauseShare).ToList());

    public int PortReuseDiagnostics => LoggedRuns[0].PortReuseDiagnostics;

    public int AnalyzerExceptions => LoggedRuns.Concat(PeerRuns).Concat(CpuRuns).Sum(r => r.AnalyzerExceptions);

    /// <summary>One corpus's runs from every pass, as if taken in one.</summary>
    public static AnalyzerTimes Pool(IReadOnlyList<AnalyzerTimes> passes) => new(
        passes[0].Corpus,
        passes.SelectMany(p => p.LoggedRuns).ToList(),
        passes.SelectMany(p => p.PeerRuns).ToList(),
        passes.SelectMany(p => p.CpuRuns).ToList(),
        passes.SelectMany(p => p.BaselineCompilations).ToList());

    private IEnumerable<TimeSpan> CpuBeyondNoOp => CpuRuns.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)] - r.ExecutionTimes[nameof(NoOpAnalyzer)]);

    private static TimeSpan Median(IEnumerable<RunResult> runs, string analyzer) => Statistics.Median(runs.Select(r => r.ExecutionTimes[analyzer]).ToList());

    private double? SharePerRun(IEnumerable<TimeSpan> ours)
        => BaselineCompilations.Count > 0 ? Statistics.Median(ours.Zip(BaselineCompilations, (o, b) => o / b).ToList()) : null;
}

/// <summary>
/// Runs the no-op and ours together in one compilation with <c>logAnalyzerExecutionTime</c> on, and the peer (on the
/// two main corpora) in a compilation of its own: work one analyzer causes and another reuses (an operation tree) is
/// charged to whichever asks first, so ours is never measured beside an analyzer that would pay for it. The log costs
/// time itself and runs one callback at a time (see <see cref="CompilationRun.Prepare"/>), so these runs are kept apart
/// from the timed ones. Runs of the CPU clock alternate with the logged ones (see <see cref="CpuTimedAnalyzer"/>); their
/// no-op's time is the clock's own cost, which every callback pays alike, so ours is reported less that.
/// On the corpora whose share is a target, each round also times the baseline compilation as the timed cases do
/// (concurrent, no-op only): the round's share divides by it, so its numerator and denominator are measured seconds apart.
/// Against BenchmarkDotNet's baseline, measured earlier, a slower stretch of this machine moved only one side
/// (in one run the plain corpus's logged time was 91 ms where it had been 45, while its CPU time held at ~60 ms).
/// </summary>
public static class TelemetryPass
{
    /// <param name="pass">Which of the plan's passes this is, from 0; the peer runs once, in the first.</param>
    public static async Task<IReadOnlyList<AnalyzerTimes>> RunAsync(MeasurementPlan plan, int pass, TextWriter log)
    {
        var results = new List<AnalyzerTimes>();
        foreach (var corpus in plan.Corpora)
        {
            var withPeer = pass == 0 && (corpus == plan.Plain || corpus == plan.Mixed);
            var runs = new List<RunResult>();
            var peerRuns = new List<RunResult>();
            var cpuRuns = new List<RunResult>();
            var baselineTimes = new List<TimeSpan>();
            var baselineRun = plan.ShareTargets.Contains(corpus) ? new CompilationRun(corpus, AnalyzerUnderTest.Baseline) : null;
            for (var i = 0; i < plan.TelemetryRunsFor(corpus); i++)
            {
                var run = new CompilationRun(corpus, AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse);
                runs.Add(await run.AnalyzeWithTelemetryAsync());
                if (ThreadCpuClock.IsSupported)
                {
                    cpuRuns.Add(await run.AnalyzeWithCpuClockAsync());
                }

                if (baselineRun is not null)
                {
                    baselineTimes.Add(baselineRun.TimeAnalysis());
                }

                // One run of the peer: it is compared per file, where it differs from ours by an order of magnitude or more.
                if (withPeer && i == 0)
                {
                    peerRuns.Add(await new CompilationRun(corpus, AnalyzerUnderTest.Peer).AnalyzeWithTelemetryAsync());
                }
            }

            var result = new AnalyzerTimes(corpus, runs, peerRuns, cpuRuns, baselineTimes);
            log.WriteLine($"telemetry {corpus.Key}, pass {pass + 1}: no-op {result.Baseline.TotalMilliseconds:F0} ms, ours {result.PortReuse.TotalMilliseconds:F0} ms"
                + (result.Peer is { } peer ? $", {AnalyzerSets.PeerRuleId} {peer.TotalMilliseconds:F0} ms" : "")
                + $", {result.PortReuseDiagnostics} PortReuse diagnostics; ours logged {Ms(runs.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)]))} ms, collector pauses {string.Join(", ", runs.Select(r => r.PauseShare.ToString("P1")))} of the logged runs"
                + (baselineTimes.Count > 0 ? $"; baseline compilation {Ms(baselineTimes)} ms" : "")
                + (cpuRuns.Count > 0 ? $"; CPU ours {Ms(cpuRuns.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)]))} ms, no-op {Ms(cpuRuns.Select(r => r.ExecutionTimes[nameof(NoOpAnalyzer)]))} ms" : ""));
            results.Add(result);
        }

        return results;
    }

    private static string Ms(IEnumerable<TimeSpan> times) => string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("F0")));
}
