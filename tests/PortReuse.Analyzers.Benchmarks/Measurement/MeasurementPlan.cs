using PortReuse.Analyzers.Benchmarks.Corpora;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// What one run measures. The full plan is issue 7's: 2,000 files without sockets, the same with 10% binding sockets,
/// one 20,000-line file, and the mixed corpus at 500–4,000 files. The quick plan keeps every comparison at smaller sizes.
/// </summary>
public sealed class MeasurementPlan
{
    private readonly Dictionary<string, Corpus> _corpora = new();

    private MeasurementPlan(string name, int plainFiles, int longFileLines, int[] scalingFiles, int iterations, bool timesPeer, int passes, int telemetryRuns, int pairedRounds, int buildRuns, int warmUpRuns)
    {
        Name = name;
        Passes = passes;
        WarmUpRuns = warmUpRuns;
        TimesPeer = timesPeer;
        Iterations = iterations;
        TelemetryRuns = telemetryRuns;
        PairedRounds = pairedRounds;
        BuildRuns = buildRuns;
        Plain = Add(CorpusGenerator.Plain(plainFiles));
        Mixed = Add(CorpusGenerator.Mixed(plainFiles));
        LongFile = Add(CorpusGenerator.LongFile(longFileLines));
        Scaling = scalingFiles.Select(n => n == plainFiles ? Mixed : Add(CorpusGenerator.Mixed(n))).ToArray();
    }

    public static MeasurementPlan CreateFull(int buildRuns) => new("full", 2000, 20_000, new[] { 500, 1000, 2000, 4000 }, iterations: 5, timesPeer: true, passes: 2, telemetryRuns: 4, pairedRounds: 28, buildRuns, warmUpRuns: 16);

    public static MeasurementPlan CreateQuick(int buildRuns) => new("quick", 100, 4_000, new[] { 50, 100, 200, 400 }, iterations: 3, timesPeer: false, passes: 2, telemetryRuns: 3, pairedRounds: 4, buildRuns, warmUpRuns: 8);

    public string Name { get; }

    /// <summary>Whether BenchmarkDotNet also times the peer rule; otherwise only the telemetry pass runs it.</summary>
    public bool TimesPeer { get; }

    /// <summary>Analyses of the smallest scaling corpus, and as many of the long file, before anything is measured (see <see cref="JitWarmUp"/>).</summary>
    public int WarmUpRuns { get; }

    /// <summary>Measured iterations per benchmark case (after one warm-up).</summary>
    public int Iterations { get; }

    /// <summary>
    /// Stretches of in-process measurement (telemetry and paired rounds), the full plan's one before the whole builds and
    /// one after; verdicts pool their runs (see <see cref="InProcessPass"/>).
    /// </summary>
    public int Passes { get; }

    /// <summary>
    /// Analyses with the driver's execution-time log on, per corpus and pass; the median over the passes is reported. A collection that pauses a
    /// callback counts in it. The server collector pauses rarely, but one pause on the 2,000-file heaps (~350 ms) is
    /// several times our whole time there, so a single run says more about where a collection fell than about the analyzer.
    /// </summary>
    public int TelemetryRuns { get; }

    /// <summary>
    /// The long file gets three times <see cref="TelemetryRuns"/>. Its analysis takes ~0.15 s where the others take
    /// seconds, so the runs cost little, and its median is the one a stray slow run moves most: ours logs ~12 ms there,
    /// and single runs of the same work logged 25 ms (in one probe of 15 runs, three were over 17 ms while our CPU time
    /// stayed at 12–17 ms), against a target's margin of ~2 ms.
    /// </summary>
    public int TelemetryRunsFor(Corpus corpus) => corpus == LongFile ? 3 * TelemetryRuns : TelemetryRuns;

    /// <summary>
    /// Rounds of the in-process baseline/ours pairs on the plain and mixed corpora per pass (see <see cref="PairedAnalysisPass"/>).
    /// On this machine one round's ratio on the plain corpus has a standard deviation of ~0.09 (45 rounds over four runs
    /// ran from 0.81 to 1.21), as the same analysis's CPU time moves by ±10% from one run to the next; the median of n
    /// rounds is then uncertain by about 0.11 / √n: ±0.04 at 7 rounds, ±0.02 at 25, still the size of the 2% target's
    /// margin. The rounds form blocks of two (see <see cref="PairedTimes.BlockRatios"/>): 14 blocks per pass, 28 in the
    /// full plan's two passes, whose median is the upper of the middle two. 28 rounds take ~14 minutes. At 7 blocks per
    /// pass, four processes timing the no-op against itself (identical work on both sides) gave block medians of 0.987,
    /// 0.998, 1.030 and 1.036: one pass could not tell 0% from +2%, so the rounds were doubled, before a run and not
    /// because of one, and the page shows the pooled median's interval (<see cref="PairedTimes.RatioInterval()"/>).
    /// </summary>
    public int PairedRounds { get; }

    /// <summary>
    /// Interleaved <c>dotnet build</c> rounds (one build per project and variant each), an even count; 0 skips the whole
    /// build. One round's ratio moved by ±8% here (0.87 to 1.19 over 14 rounds of two projects), so the median of n/2
    /// blocks is uncertain by about 0.1 / √n: ±0.03 at the full plan's 14 rounds, which take ~27 minutes.
    /// </summary>
    public int BuildRuns { get; }

    public Corpus Plain { get; }

    public Corpus Mixed { get; }

    public Corpus LongFile { get; }

    public IReadOnlyList<Corpus> Scaling { get; }

    /// <summary>The corpora whose execution share is a target: (a), (b) and (c).</summary>
    public IReadOnlyList<Corpus> ShareTargets => new[] { Plain, Mixed, LongFile };

    public IEnumerable<Corpus> Corpora => _corpora.Values;

    public Corpus Corpus(string key) => _corpora[key];

    /// <summary>
    /// Baseline and ours on every corpus; the peer on (a) and (b) only, where users compare rules. In the quick plan the
    /// peer is left to the telemetry pass, because CA2000 alone takes longer than the quick budget.
    /// </summary>
    public IEnumerable<Benchmarks.BenchmarkCase> BenchmarkCases()
    {
        foreach (var corpus in Corpora)
        {
            yield return new(corpus.Key, AnalyzerUnderTest.Baseline);
            yield return new(corpus.Key, AnalyzerUnderTest.PortReuse);
            if (TimesPeer && (corpus == Plain || corpus == Mixed))
            {
                yield return new(corpus.Key, AnalyzerUnderTest.Peer);
            }
        }
    }

    private Corpus Add(Corpus corpus)
    {
        _corpora[corpus.Key] = corpus;
        return corpus;
    }
}
