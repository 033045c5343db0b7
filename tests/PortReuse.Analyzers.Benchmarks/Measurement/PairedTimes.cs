namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The same work timed without and with our analyzer in alternating rounds: <see cref="Without"/>[i] and
/// <see cref="With"/>[i] are one round's pair, measured one right after the other.
/// </summary>
public sealed record PairedTimes(IReadOnlyList<TimeSpan> Without, IReadOnlyList<TimeSpan> With)
{
    public TimeSpan MedianWithout => Statistics.Median(Without);

    public TimeSpan MedianWith => Statistics.Median(With);

    /// <summary>Each round's with / without.</summary>
    public IReadOnlyList<double> PairRatios => With.Zip(Without, (with, without) => with / without).ToList();

    /// <summary>
    /// The median of the rounds' ratios. The machine's speed drifts over minutes (a build of the same project took from
    /// 42 to 51 s within one quarter hour here, and its CPU time moved with it), so two runs a moment apart compare
    /// better than two medians taken minutes apart, as sequential benchmark cases are.
    /// </summary>
    public double Ratio => Statistics.Median(PairRatios);

    /// <summary>
    /// Times <paramref name="measure"/> for each subject without and with our analyzer, round after round: a first
    /// round is a warm-up and is dropped, and the order within a pair alternates from round to round so neither
    /// variant always runs on the heels of the other.
    /// </summary>
    public static IReadOnlyDictionary<TSubject, PairedTimes> Alternate<TSubject>(
        IReadOnlyList<TSubject> subjects, int rounds, Func<TSubject, bool, TimeSpan> measure, Action<TSubject, bool, TimeSpan, bool> logged)
        where TSubject : notnull
    {
        var without = subjects.ToDictionary(s => s, _ => new List<TimeSpan>());
        var with = subjects.ToDictionary(s => s, _ => new List<TimeSpan>());
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var subject in subjects)
            {
                foreach (var withAnalyzer in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
                {
                    var elapsed = measure(subject, withAnalyzer);
                    var warmUp = round == 0;
                    logged(subject, withAnalyzer, elapsed, warmUp);
                    if (!warmUp)
                    {
                        (withAnalyzer ? with : without)[subject].Add(elapsed);
                    }
                }
            }
        }

        return subjects.ToDictionary(s => s, s => new PairedTimes(without[s], with[s]));
    }

}
