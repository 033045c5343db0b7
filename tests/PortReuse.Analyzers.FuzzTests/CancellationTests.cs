using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>Cancelling mid-run stops analyzers and fixes with <see cref="OperationCanceledException"/> and nothing else.</summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    /// <summary>
    /// One code block whose flow walk dwarfs its binding: every call walks the helper again at the call site. The driver
    /// cannot interrupt a code block action, so only the analyzer's own token checks end this walk early.
    /// </summary>
    private static string LongWalk()
    {
        var source = new StringBuilder("using System.Net;\nusing System.Net.Sockets;\nclass Big\n{\n    static void Configure(Socket s)\n    {\n");
        for (var i = 0; i < 80; i++)
        {
            source.Append("        if (s.Connected) { s.NoDelay = ").Append(i % 2 == 0 ? "true" : "false").Append("; } else { s.Blocking = true; }\n");
        }

        source.Append("    }\n\n    void Run()\n    {\n        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n");
        for (var i = 0; i < 3_000; i++)
        {
            source.Append("        Configure(s);\n");
        }

        source.Append("        s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));\n    }\n}\n");
        return source.ToString();
    }

    [Fact]
    public async Task Analyzers_Stop_On_Cancellation_With_Only_OperationCanceledException()
    {
        var harness = AnalyzerHarness.ForShippedAssemblies();
        var document = harness.DocumentFor(LongWalk());
        var defects = new ConcurrentBag<Defect>();
        var compilerOnly = new AnalyzerHarness([], []);
        var bare = compilerOnly.DocumentFor(LongWalk());
        await harness.AnalyzeAsync(document, defects, CancellationToken.None); // warm up
        await compilerOnly.AnalyzeAsync(bare, defects, CancellationToken.None);

        // The scenario is only meaningful while the analyzers' walk, not the compiler's binding, takes most of the time.
        // CI runs other test assemblies beside this one, so a single timing can be inflated several times over (one CI
        // run timed the compiler alone at 627 ms; alone on the machine it takes ~130 ms). The two are timed in turns
        // and each keeps its fastest run, the one least disturbed by the load.
        var fullTime = TimeSpan.MaxValue;
        var bindingTime = TimeSpan.MaxValue;
        var clock = new Stopwatch();
        for (var round = 0; round < 3; round++)
        {
            clock.Restart();
            var full = await harness.AnalyzeAsync(document, defects, CancellationToken.None);
            fullTime = Min(fullTime, clock.Elapsed);
            Assert.Contains(full.Analyzer, d => d.Id == RuleIds.MissingReuseDecision);

            clock.Restart();
            await compilerOnly.AnalyzeAsync(bare, defects, CancellationToken.None);
            bindingTime = Min(bindingTime, clock.Elapsed);
        }

        output.WriteLine($"fastest of 3: full analysis {fullTime.TotalMilliseconds:F0} ms, compiler alone {bindingTime.TotalMilliseconds:F0} ms");
        Assert.True(fullTime > bindingTime * 2, $"analysis {fullTime.TotalMilliseconds:F0} ms is not dominated by the analyzers (compiler alone {bindingTime.TotalMilliseconds:F0} ms)");

        // A timer-based token source fires on the thread pool, which the concurrent analysis itself can starve; a
        // dedicated thread cancels on time. What is measured is how long the analysis goes on after Cancel(), the
        // latency a user feels.
        var bestLatency = TimeSpan.MaxValue;
        var cancelledRuns = 0;
        for (var attempt = 0; attempt < 5 && cancelledRuns < 3; attempt++)
        {
            // Not disposed: the canceller may still hold it when a run ends first; without a timer there is nothing to free.
            var cancellation = new CancellationTokenSource();
            var cancelledAt = TimeSpan.Zero;
            clock.Restart();
            var canceller = new Thread(() =>
            {
                Thread.Sleep(fullTime / 5);
                cancelledAt = clock.Elapsed;
                cancellation.Cancel();
            }) { IsBackground = true };
            canceller.Start();
            var exception = await Record.ExceptionAsync(() => harness.AnalyzeAsync(document, defects, cancellation.Token));
            var stoppedAt = clock.Elapsed;
            Assert.True(exception is null or OperationCanceledException, $"expected cancellation, got {exception}");
            if (exception is null)
            {
                // Finished before the token was cancelled; wait out the canceller so attempts do not overlap. (After a
                // cancellation this code may run inline on the canceller's own thread, so it must not be joined then.)
                canceller.Join();
            }
            else
            {
                cancelledRuns++;
                var latency = stoppedAt - cancelledAt;
                bestLatency = Min(bestLatency, latency);
            }
        }

        output.WriteLine($"full analysis {fullTime.TotalMilliseconds:F0} ms; cancelled at 20% in {cancelledRuns} runs, best stop {bestLatency.TotalMilliseconds:F0} ms after Cancel()");
        Assert.Empty(defects);
        Assert.True(cancelledRuns > 0, "no run was cancelled: every analysis finished before the token was cancelled");
        Assert.True(bestLatency < fullTime / 2, $"analysis went on {bestLatency.TotalMilliseconds:F0} ms after Cancel() (full run {fullTime.TotalMilliseconds:F0} ms)");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [Fact]
    public async Task Fixes_Stop_On_Cancellation_With_Only_OperationCanceledException()
    {
        var harness = AnalyzerHarness.ForShippedAssemblies();
        var cancelled = 0;
        var completed = 0;
        foreach (var seed in SeedCorpus.All)
        {
            var defects = new ConcurrentBag<Defect>();
            var result = await harness.AnalyzeAsync(harness.DocumentFor(seed.Text), defects, CancellationToken.None);
            Assert.Empty(defects);
            foreach (var delay in new[] { 0, 1, 3, 10, 30 })
            {
                using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
                var exception = await Record.ExceptionAsync(() => FixEverythingAsync(harness, result, cancellation.Token));
                Assert.True(exception is null or OperationCanceledException, $"{seed.Name} cancelled after {delay} ms: {exception}");
                _ = exception is null ? completed++ : cancelled++;
            }
        }

        output.WriteLine($"fix runs cancelled {cancelled}, completed {completed}");
        Assert.True(cancelled > 0);
    }

    private static async Task FixEverythingAsync(AnalyzerHarness harness, AnalysisResult result, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in result.Analyzer)
        {
            foreach (var (fixer, action) in await harness.FixesForAsync(result.Document, diagnostic, cancellationToken))
            {
                await AnalyzerHarness.ApplyAsync(action, result.Document, cancellationToken);
                await harness.FixAllAsync(fixer, action, result.Document, result.Analyzer, cancellationToken);
            }
        }
    }
}
