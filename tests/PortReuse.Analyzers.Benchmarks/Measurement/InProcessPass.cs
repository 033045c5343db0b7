using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// One stretch of the in-process measurements whose targets have margins of a few percent: the telemetry runs (the
/// execution shares) and the paired rounds (the wall-time ratios). A plan takes <see cref="MeasurementPlan.Passes"/>
/// of them, the full plan one before the whole builds and one after, and judges the runs of all passes pooled.
/// Within one stretch the pairing cancels the machine's drift, but the machine's state still moved a whole stretch's
/// verdict: at the same analyzer code, three full plans measured (a)'s paired ratio at 0.988, 0.986 and 1.040, each
/// with a median uncertain by about ±0.01 within its run; one run's (c) share was 11.7% where the others were 8.3–8.6%,
/// with every logged time of that stretch inflated. Two stretches half an hour apart keep one slow stretch from
/// deciding a verdict alone, and the page shows each pass's figure beside the pooled one.
/// </summary>
public sealed record InProcessPass(IReadOnlyList<AnalyzerTimes> Telemetry, IReadOnlyList<AnalysisPairs> Paired)
{
    /// <param name="pass">Which pass this is, from 0.</param>
    public static async Task<InProcessPass> RunAsync(MeasurementPlan plan, int pass, TextWriter log)
    {
        if (pass > 0)
        {
            // A later pass follows the builds, during which this process sat idle: one analysis with both analyzers,
            // not counted, so the first timed run does not pay for whatever the runtime gave back meanwhile.
            var run = new CompilationRun(plan.Plain, AnalyzerUnderTest.Baseline, AnalyzerUnderTest.PortReuse);
            run.Prepare();
            run.Analyze();
        }

        var telemetry = await TelemetryPass.RunAsync(plan, pass, log);
        return new(telemetry, PairedAnalysisPass.Run(plan, pass, log));
    }

    public int AnalyzerExceptions => Telemetry.Sum(t => t.AnalyzerExceptions);

    /// <summary>This pass's telemetry runs of <paramref name="corpus"/>.</summary>
    public AnalyzerTimes Times(Corpus corpus) => Telemetry.Single(t => t.Corpus == corpus);

    /// <summary>This pass's paired rounds of <paramref name="corpus"/>; null for a corpus that is not paired.</summary>
    public PairedTimes? Pairs(Corpus corpus) => Paired.FirstOrDefault(a => a.Corpus == corpus)?.Times;
}
