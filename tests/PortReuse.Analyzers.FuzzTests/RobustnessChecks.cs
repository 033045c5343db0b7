using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>Counts of one fuzz run, updated from parallel workers.</summary>
public sealed class FuzzCounts
{
    private long _mutants, _compiling, _withDiagnostics, _diagnostics, _fixesOffered, _fixesApplied, _fixAllRounds, _determinismChecks;

    public long Mutants => _mutants;
    public long Compiling => _compiling;
    public long WithDiagnostics => _withDiagnostics;
    public long Diagnostics => _diagnostics;
    public long FixesOffered => _fixesOffered;
    public long FixesApplied => _fixesApplied;
    public long FixAllRounds => _fixAllRounds;
    public long DeterminismChecks => _determinismChecks;

    public ConcurrentDictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);

    internal void Mutant(bool compiling) { Interlocked.Increment(ref _mutants); if (compiling) Interlocked.Increment(ref _compiling); }
    internal void Found(ImmutableArray<Diagnostic> diagnostics)
    {
        Interlocked.Increment(ref _withDiagnostics);
        Interlocked.Add(ref _diagnostics, diagnostics.Length);
        foreach (var d in diagnostics)
        {
            ByRule.AddOrUpdate(d.Id, 1, (_, n) => n + 1);
        }
    }

    internal void Offered(int count) => Interlocked.Add(ref _fixesOffered, count);
    internal void Applied() => Interlocked.Increment(ref _fixesApplied);
    internal void FixAllRound() => Interlocked.Increment(ref _fixAllRounds);
    internal void DeterminismCheck() => Interlocked.Increment(ref _determinismChecks);

    public override string ToString()
        => $"mutants {Mutants} (compiling {Compiling}), with diagnostics {WithDiagnostics}, diagnostics {Diagnostics} "
            + $"[{string.Join(", ", ByRule.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}], "
            + $"fixes offered {FixesOffered}, applied {FixesApplied}, Fix All rounds {FixAllRounds}, determinism checks {DeterminismChecks}";
}

/// <summary>
/// The robustness contract, checked on one source: no analyzer or fix throws; a fix applied to code that compiled leaves
/// code that compiles; Fix All converges in at most two rounds; a second concurrent analysis reports the same.
/// </summary>
public sealed class RobustnessChecks(AnalyzerHarness harness, FuzzCounts counts)
{
    public const int MaxFixAllRounds = 2;

    /// <summary>Fixes are tried on at most this many diagnostics of a compiling document, to stay inside the time budget.</summary>
    private const int MaxDiagnosticsFixed = 2;

    /// <param name="fixBrokenCode">
    /// Whether to run fixes on a document that does not compile. There they can only show exceptions (no compilation to
    /// keep), so the fuzz run samples them; fixes on compiling documents always run, with Fix All.
    /// </param>
    public async Task CheckAsync(string text, bool checkDeterminism, bool fixBrokenCode, ConcurrentBag<Defect> defects, CancellationToken cancellationToken)
    {
        var document = harness.DocumentFor(text);
        var first = await harness.AnalyzeAsync(document, defects, cancellationToken);
        var compiles = first.CompilerErrors.IsEmpty;
        counts.Mutant(compiles);
        if (checkDeterminism)
        {
            counts.DeterminismCheck();
            var second = await harness.AnalyzeAsync(document, defects, cancellationToken);
            if (!Signature(first.Analyzer).SequenceEqual(Signature(second.Analyzer)))
            {
                defects.Add(new Defect("nondeterministic", $"first: {string.Join("; ", Signature(first.Analyzer))}\nsecond: {string.Join("; ", Signature(second.Analyzer))}"));
            }
        }

        if (first.Analyzer.IsEmpty)
        {
            return;
        }

        counts.Found(first.Analyzer);
        if (!compiles && !fixBrokenCode)
        {
            return;
        }

        var representatives = new Dictionary<(CodeFixProvider, string?), CodeAction>();
        foreach (var diagnostic in first.Analyzer.Take(compiles ? MaxDiagnosticsFixed : 1))
        {
            var actions = await Guard("fix-registration", defects, () => harness.FixesForAsync(document, diagnostic, cancellationToken)) is { IsDefault: false } registered
                ? registered
                : [];
            counts.Offered(actions.Length);
            foreach (var (fixer, action) in actions)
            {
                representatives.TryAdd((fixer, action.EquivalenceKey), action);
                var fixedDocument = await Guard("fix-application", defects, () => AnalyzerHarness.ApplyAsync(action, document, cancellationToken));
                if (fixedDocument is null)
                {
                    continue;
                }

                counts.Applied();
                if (compiles && await harness.CompilerErrorsAsync(fixedDocument, cancellationToken) is { IsEmpty: false } errors)
                {
                    defects.Add(await BrokenFix($"{fixer.GetType().Name} '{action.Title}' ({diagnostic.Id})", fixedDocument, errors, cancellationToken));
                }
            }
        }

        foreach (var ((fixer, key), action) in compiles ? representatives : [])
        {
            await CheckFixAllAsync(fixer, key, action, first, compiles, defects, cancellationToken);
        }
    }

    private async Task CheckFixAllAsync(CodeFixProvider fixer, string? key, CodeAction representative, AnalysisResult start, bool compiles, ConcurrentBag<Defect> defects, CancellationToken cancellationToken)
    {
        var current = start;
        for (var round = 1; ; round++)
        {
            var fixedDocument = await Guard("fix-all", defects, () => harness.FixAllAsync(fixer, representative, current.Document, current.Analyzer, cancellationToken));
            if (fixedDocument is null)
            {
                return;
            }

            counts.FixAllRound();
            current = await harness.AnalyzeAsync(fixedDocument, defects, cancellationToken);
            if (compiles && !current.CompilerErrors.IsEmpty)
            {
                defects.Add(await BrokenFix($"Fix All of {fixer.GetType().Name} '{key}' round {round}", fixedDocument, current.CompilerErrors, cancellationToken));
                return;
            }

            var stillOffered = await StillOfferedAsync(fixer, key, current, cancellationToken);
            if (stillOffered is null)
            {
                return;
            }

            representative = stillOffered;
            if (round == MaxFixAllRounds)
            {
                var text = await fixedDocument.GetTextAsync(cancellationToken);
                defects.Add(new Defect("fix-all-diverges", $"{fixer.GetType().Name} '{key}' still offered after {round} rounds:\n{text}"));
                return;
            }
        }
    }

    private async Task<CodeAction?> StillOfferedAsync(CodeFixProvider fixer, string? key, AnalysisResult result, CancellationToken cancellationToken)
    {
        foreach (var diagnostic in result.Analyzer.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
        {
            var actions = await harness.FixesForAsync(result.Document, diagnostic, cancellationToken);
            if (actions.FirstOrDefault(a => a.Fixer == fixer && a.Action.EquivalenceKey == key).Action is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static async Task<Defect> BrokenFix(string what, Document fixedDocument, ImmutableArray<Diagnostic> errors, CancellationToken cancellationToken)
    {
        var text = await fixedDocument.GetTextAsync(cancellationToken);
        return new Defect("broken-fix", $"{what} left errors {string.Join("; ", errors.Take(5))} in:\n{text}");
    }

    /// <summary>A fix provider's exception is a defect of its own kind; cancellation is not.</summary>
    private static async Task<T?> Guard<T>(string stage, ConcurrentBag<Defect> defects, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            defects.Add(new Defect(stage, exception.ToString()));
            return default;
        }
    }

    private static IEnumerable<string> Signature(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id}@{d.Location.SourceSpan}:{d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}|{string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))}");
}
