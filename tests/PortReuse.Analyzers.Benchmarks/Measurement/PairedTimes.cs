namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The same work timed without and with our analyzer in alternating rounds: <see cref="Without"/>[i] and
/// <see cref="With"/>[i] are one round's pair, measured one right after the other, without first in even rounds and
/// with first in odd ones.
/// </summary>
public sealed record PairedTimes(IReadOnlyList<TimeSpan> Without, IReadOnlyList<TimeSpan> With)
{
    public TimeSpan MedianWithout => Statistics.Median(Without);

    public TimeSpan MedianWith => Statistics.Median(With);

    /// <summary>Each round's with / without.</summary>
    public IReadOnlyList<double> PairRatios => With.Zip(Without, (with, without) => with / without).ToList();

    /// <summary>
    /// With / without over each two consecutive rounds, one of either order (time with over time without, summed over
    /// the two). Which build of a round runs second can matter by itself: in the whole-build run at 6c685a3 the mixed
    /// project's second build was the slower one in 6 of 7 rounds, whichever variant it was, so its rounds' ratios fell
    /// into two clusters by order (0.87–0.96 and 1.06–1.15). Seven rounds hold one more of one order than of the
    /// other, and the median landed in that order's cluster: 1.064, where blocks of both orders give 1.033, 1.011 and
    /// 0.958. A block cancels a steady order effect, not noise: the plain project's blocks in that run were 1.080,
    /// 1.096 and 0.978, against a median of rounds of 1.015.
    /// </summary>
    public IReadOnlyList<double> BlockRatios => Enumerable.Range(0, With.Count / 2)
        .Select(b => (With[2 * b] + With[(2 * b) + 1]) / (Without[2 * b] + Without[(2 * b) + 1]))
        .ToList();

    /// <summary>
    /// The median of the blocks' ratios. The machine's speed drifts over minutes (a build of the same project took from
    /// 24 to 32 s within one run here), so runs a moment apart compare better than two medians taken minutes apart, as
    /// sequential benchmark cases are.
    /// </summary>
    public double Ratio => Statistics.Median(BlockRatios);

    /// <summary>
    /// Where <see cref="Ratio"/> would fall in 90% of repetitions of the run, estimated from the blocks themselves
    /// (percentile bootstrap: 2,000 resamples of the blocks with replacement, a fixed seed so the page is reproducible
    /// from the same times). It shows what the run can resolve: a limit inside the interval is one the run cannot settle.
    /// </summary>
    public (double Low, double High) RatioInterval()
    {
        var blocks = BlockRatios;
        var random = new Random(7);
        var resample = new double[blocks.Count];
        var medians = new double[2000];
        for (var i = 0; i < medians.Length; i++)
        {
            for (var j = 0; j < resample.Length; j++)
            {
                resample[j] = blocks[random.Next(blocks.Count)];
            }

            medians[i] = Statistics.Median(resample);
        }

        Array.Sort(medians);
        return (medians[medians.Length / 20], medians[medians.Length - 1 - (medians.Length / 20)]);
    }

    /// <summary>
    /// The rounds of several passes as one list. Each pass holds an even count of rounds, so every block stays within
    /// one pass and keeps its two orders.
    /// </summary>
    public static PairedTimes Pool(IEnumerable<PairedTimes> passes)
    {
        var all = passes.ToList();
        return new(all.SelectMany(p => p.Without).ToList(), all.SelectMany(p => p.With).ToList());
    }

    /// <summary>
    /// Times <paramref name="measure"/> for each subject without and with our analyzer, round after round: a first
    /// round is a warm-up and is dropped, and the order within a pair alternates from round to round, so the
    /// <paramref name="rounds"/> (an even count) make up blocks of both orders (see <see cref="BlockRatios"/>).
    /// </summary>
    public static IReadOnlyDictionary<TSubject, PairedTimes> Alternate<TSubject>(
        IReadOnlyList<TSubject> subjects, int rounds, Func<TSubject, bool, TimeSpan> measure, Action<TSubject, bool, TimeSpan, bool> logged)
        where TSubject : notnull
    {
        if (rounds <= 0 || rounds % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "Paired rounds come in blocks of two (one of each order): give a positive even count.");
        }

        var without = subjects.ToDictionary(s => s, _ => new List<TimeSpan>());
        var with = subjects.ToDictionary(s => s, _ => new List<TimeSpan>());
        for (var round = 0; round <= rounds; round++)
        {
            var warmUp = round == 0;

            // Round 1, the first counted, runs without first, so every block starts with that order.
            foreach (var subject in subjects)
            {
                foreach (var withAnalyzer in round % 2 == 1 ? new[] { false, true } : new[] { true, false })
                {
                    var elapsed = measure(subject, withAnalyzer);
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
