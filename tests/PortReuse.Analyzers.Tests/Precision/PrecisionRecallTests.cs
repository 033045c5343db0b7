using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit.Abstractions;

namespace PortReuse.Analyzers.Tests.Precision;

/// <summary>
/// Precision and recall on <see cref="RealisticCode"/> (PR0002–PR0005) and on <see cref="OpenSourcePatterns"/> (the rules
/// with labelled real-world instances): findings compared to the marked expectations by line.
/// </summary>
public sealed class PrecisionRecallTests
{
    private static readonly Regex Expectation = new(@"// expect: (?<ids>PR\d{4}(, PR\d{4})*)", RegexOptions.Compiled);

    private readonly ITestOutputHelper _output;

    public PrecisionRecallTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(nameof(RealisticCode), "PR0002,PR0003,PR0004,PR0005")]
    [InlineData(nameof(OpenSourcePatterns), "PR0001,PR0002,PR0003,PR0004")]
    public async Task Precision_And_Recall_At_Least_Ninety_Percent(string corpus, string ruleList)
    {
        var files = corpus == nameof(RealisticCode) ? RealisticCode.Files : OpenSourcePatterns.Files;
        var rules = ruleList.Split(',');
        var expected = new HashSet<(int File, int Line, string Id)>();
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < files.Length; i++)
        {
            var tree = CSharpSyntaxTree.ParseText(files[i], new CSharpParseOptions(LanguageVersion.Latest), path: $"File{i}.cs");
            trees.Add(tree);
            foreach (var line in tree.GetText().Lines)
            {
                var match = Expectation.Match(line.ToString());
                foreach (var id in match.Success ? match.Groups["ids"].Value.Split(", ") : Array.Empty<string>())
                {
                    expected.Add((i, line.LineNumber, id));
                }
            }
        }

        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(rules.ToDictionary(id => id, _ => ReportDiagnostic.Info)); // PR0005 is opt-in
        var compilation = CSharpCompilation.Create(corpus, trees, references, options);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBindAnalyzer()))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var actual = diagnostics
            .Where(d => rules.Contains(d.Id))
            .Select(d => (trees.IndexOf(d.Location.SourceTree!), d.Location.GetLineSpan().StartLinePosition.Line, d.Id))
            .ToHashSet();

        foreach (var id in rules)
        {
            var truePositives = actual.Count(a => a.Id == id && expected.Contains(a));
            var reported = actual.Count(a => a.Id == id);
            var wanted = expected.Count(e => e.Id == id);
            var precision = reported == 0 ? 1.0 : (double)truePositives / reported;
            var recall = wanted == 0 ? 1.0 : (double)truePositives / wanted;
            _output.WriteLine($"{id}: expected {wanted}, reported {reported}, true positives {truePositives}, precision {precision:F2}, recall {recall:F2}");
            foreach (var miss in expected.Where(e => e.Id == id && !actual.Contains(e)))
            {
                _output.WriteLine($"  missed   File{miss.File}.cs:{miss.Line + 1}");
            }

            foreach (var extra in actual.Where(a => a.Id == id && !expected.Contains(a)))
            {
                _output.WriteLine($"  spurious File{extra.Item1}.cs:{extra.Line + 1}");
            }

            Assert.True(wanted > 0, $"{id} has no expectations in the corpus");
            Assert.True(precision >= 0.9 && recall >= 0.9, $"{id}: precision {precision:F2}, recall {recall:F2}");
        }
    }
}
