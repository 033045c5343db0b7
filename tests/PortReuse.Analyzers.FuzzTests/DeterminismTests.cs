using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace PortReuse.Analyzers.FuzzTests;

public sealed class DeterminismTests(ITestOutputHelper output)
{
    /// <summary>The whole corpus in one compilation, so concurrent execution interleaves blocks of many files; run repeatedly.</summary>
    [Fact]
    public async Task Concurrent_Runs_Over_The_Whole_Corpus_Report_The_Same()
    {
        var harness = AnalyzerHarness.ForShippedAssemblies();
        var trees = SeedCorpus.All.Select(s => CSharpSyntaxTree.ParseText(s.Text, harness.ParseOptions, path: s.Name));
        var empty = harness.DocumentFor(string.Empty, OutputKind.DynamicallyLinkedLibrary);
        var compilation = (await empty.Project.GetCompilationAsync())!.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);

        var runs = new List<string[]>();
        for (var run = 0; run < 4; run++)
        {
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(harness.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            runs.Add(diagnostics
                .Select(d => $"{d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal)
                .ToArray());
        }

        output.WriteLine($"{runs[0].Length} diagnostics over {SeedCorpus.All.Count} files, 4 concurrent runs");
        Assert.NotEmpty(runs[0]);
        Assert.All(runs.Skip(1), run => Assert.Equal(runs[0], run));
    }
}
