using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace PortReuse.Analyzers.FuzzTests;

public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    /// <summary>One in this many mutants is analysed twice to compare the diagnostics.</summary>
    private const int DeterminismStride = 16;

    /// <summary>Fixes run on every compiling mutant; on one in this many broken ones, to catch exceptions on broken code.</summary>
    private const int BrokenCodeFixStride = 8;

    [Fact]
    public async Task Analyzers_And_Fixes_Survive_Mutated_Socket_Programs()
    {
        var harness = AnalyzerHarness.ForShippedAssemblies();
        Assert.NotEmpty(harness.Analyzers);
        Assert.NotEmpty(SeedCorpus.All);
        var mutator = new SourceMutator(SeedCorpus.All, harness.ParseOptions, FuzzSettings.Seed);
        var counts = new FuzzCounts();
        var checks = new RobustnessChecks(harness, counts);
        var failures = new ConcurrentBag<(Mutant Mutant, Defect Defect)>();
        var indices = FuzzSettings.Only ?? Enumerable.Range(0, FuzzSettings.Count).ToArray();
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        await Parallel.ForEachAsync(indices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (index, cancellationToken) =>
        {
            var mutant = mutator.Create(index);
            var defects = new ConcurrentBag<Defect>();
            try
            {
                await checks.CheckAsync(mutant.Text, index % DeterminismStride == 1, index % BrokenCodeFixStride == 3, defects, cancellationToken);
            }
            catch (Exception exception)
            {
                defects.Add(new Defect("harness", exception.ToString()));
            }

            foreach (var defect in defects)
            {
                failures.Add((mutant, defect));
            }
        });

        output.WriteLine($"seed {FuzzSettings.Seed}, {SeedCorpus.All.Count} seeds ({mutator.TotalTokens} tokens), {harness.Analyzers.Length} analyzers, {harness.Fixers.Length} fix providers, {clock.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s CPU on {Environment.ProcessorCount} cores");
        output.WriteLine(counts.ToString());
        foreach (var group in failures.GroupBy(f => f.Defect.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()} (replay with PORTREUSE_FUZZ_SEED={FuzzSettings.Seed} PORTREUSE_FUZZ_ONLY={string.Join(',', group.Select(f => f.Mutant.Index).Order().Take(20))})");
            foreach (var (mutant, defect) in group.OrderBy(f => f.Mutant.Index).Take(3))
            {
                output.WriteLine($"--- mutant {mutant.Index} of {mutant.SeedName} [{mutant.Recipe}]\n{defect.Detail}\n--- source:\n{mutant.Text}");
            }
        }

        Assert.Equal(indices.Count, counts.Mutants);
        Assert.True(failures.IsEmpty, $"{failures.Count} defects in {counts.Mutants} mutants; see the test output.");
    }
}
