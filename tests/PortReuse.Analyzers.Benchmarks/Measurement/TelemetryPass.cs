using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Each analyzer's own execution time on one corpus, as the driver logs it (median of the plan's runs), and the CPU time
/// our callbacks used beyond the no-op's, from runs of their own (null where the thread clock cannot be read), and the
/// baseline compilation's wall time timed between those runs (null for corpora whose share is not a target), and the
/// share of the logged runs' wall time the process spent paused for garbage collections (median).
/// </summary>
public sealed record AnalyzerTimes(Corpus Corpus, TimeSpan Baseline, TimeSpan PortReuse, TimeSpan? Peer, TimeSpan? PortReuseCpu, TimeSpan? BaselineCompilation, double PauseShare, int PortReuseDiagnostics, int AnalyzerExceptions);

/// <summary>
/// Runs the no-op and ours together in one compilation with <c>logAnalyzerExecutionTime</c> on, and the peer (on the
/// two main corpora) in a compilation of its own: work one analyzer causes and another reuses (an operation tree) is
/// charged to whichever asks first, so ours is never measured beside an analyzer that would pay for it. The log costs
/// time itself and runs one callback at a time (see <see cref="CompilationRun.Prepare"/>), so these runs are kept apart
/// from the timed ones. Runs of the CPU clock alternate with the logged ones (see <see cref="CpuTimedAnalyzer"/>); their
/// no-op's time is the clock's own cost, which every callback pays alike, so ours is reported less that.
/// On the corpora whose share is a target, each round also times the baseline compilation as the timed cases do
/// (concurrent, no-op only): the share divides by it, so its numerator and denominator are measured seconds apart.
/// Against BenchmarkDotNet's baseline, measured earlier, a slower stretch of this machine moved only one side
/// (in one run the plain corpus's logged time was 91 ms where it had been 45, while its CPU time held at ~60 ms).
/// </summary>
public static class TelemetryPass
{
    public static async Task<IReadOnlyList<AnalyzerTimes>> RunAsync(MeasurementPlan plan, TextWriter log)
    {
        var results = new List<AnalyzerTimes>();
        foreach (var corpus in plan.Corpora)
        {
            var withPeer = corpus == plan.Plain || corpus == plan.Mixed;
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

            var ours = runs[0].PortReuseDiagnostics;
            var result = new AnalyzerTimes(
                corpus,
                Median(runs, nameof(NoOpAnalyzer)),
                Median(runs, nameof(SocketBindAnalyzer)),
                withPeer ? Median(peerRuns, AnalyzerSets.PeerTypeName) : null,
                cpuRuns.Count > 0 ? Statistics.Median(cpuRuns.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)] - r.ExecutionTimes[nameof(NoOpAnalyzer)]).ToList()) : null,
                baselineTimes.Count > 0 ? Statistics.Median(baselineTimes) : null,
                Statistics.Median(runs.Select(r => r.PauseShare).ToList()),
                ours,
                runs.Concat(peerRuns).Concat(cpuRuns).Sum(r => r.AnalyzerExceptions));
            log.WriteLine($"telemetry {corpus.Key}: no-op {result.Baseline.TotalMilliseconds:F0} ms, ours {result.PortReuse.TotalMilliseconds:F0} ms"
                + (result.Peer is { } peer ? $", {AnalyzerSets.PeerRuleId} {peer.TotalMilliseconds:F0} ms" : "")
                + $", {ours} PortReuse diagnostics, collector pauses {string.Join(", ", runs.Select(r => r.PauseShare.ToString("P1")))} of the logged runs"
                + (baselineTimes.Count > 0 ? $"; baseline compilation {string.Join(", ", baselineTimes.Select(t => t.TotalMilliseconds.ToString("F0")))} ms" : "")
                + (cpuRuns.Count > 0 ? $"; CPU ours {string.Join(", ", cpuRuns.Select(r => r.ExecutionTimes[nameof(SocketBindAnalyzer)].TotalMilliseconds.ToString("F0")))} ms, no-op {string.Join(", ", cpuRuns.Select(r => r.ExecutionTimes[nameof(NoOpAnalyzer)].TotalMilliseconds.ToString("F0")))} ms" : ""));
            results.Add(result);
        }

        return results;
    }

    private static TimeSpan Median(IEnumerable<RunResult> runs, string analyzer) => Statistics.Median(runs.Select(r => r.ExecutionTimes[analyzer]).ToList());
}
