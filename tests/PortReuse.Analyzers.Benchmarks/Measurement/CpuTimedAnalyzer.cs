using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A measuring wrapper: the wrapped analyzer configures itself and registers its actions through the forwarded contexts,
// which the analyzer-authoring rules cannot see.
#pragma warning disable RS1012, RS1025, RS1026

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// Runs another analyzer and adds up the CPU time its code-block callbacks use (<see cref="ThreadCpuClock"/>). The
/// driver's log times the same callbacks by the wall clock, which on two cores also counts the time the driver's thread
/// waits while the compiler's own threads hold both cores. Only the actions ours and the no-op register are supported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private long _nanoseconds;

    public CpuTimedAnalyzer(DiagnosticAnalyzer inner) => _inner = inner;

    public string InnerName => _inner.GetType().Name;

    public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _nanoseconds) / 100);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new TimedContext(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var start = ThreadCpuClock.NowNanoseconds();
        action(argument);
        Interlocked.Add(ref _nanoseconds, ThreadCpuClock.NowNanoseconds() - start);
    };

    private static NotSupportedException Unsupported(string what)
        => new($"{nameof(CpuTimedAnalyzer)} times code-block actions only; {what} would go untimed.");

    private sealed class TimedContext : AnalysisContext
    {
        private readonly AnalysisContext _context;
        private readonly CpuTimedAnalyzer _owner;

        public TimedContext(AnalysisContext context, CpuTimedAnalyzer owner)
        {
            _context = context;
            _owner = owner;
        }

        public override void EnableConcurrentExecution() => _context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _context.ConfigureGeneratedCodeAnalysis(analysisMode);

        // The start action itself runs once per compilation and is timed with the callbacks it registers.
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => _context.RegisterCompilationStartAction(_owner.Timed<CompilationStartAnalysisContext>(start => action(new TimedStartContext(start, _owner))));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _context.RegisterCodeBlockAction(_owner.Timed(action));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported("a compilation action");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported("a semantic-model action");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported("a symbol action");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("a code-block start action");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported("a syntax-tree action");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported("a syntax-node action");
    }

    private sealed class TimedStartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _start;
        private readonly CpuTimedAnalyzer _owner;

        public TimedStartContext(CompilationStartAnalysisContext start, CpuTimedAnalyzer owner)
            : base(start.Compilation, start.Options, start.CancellationToken)
        {
            _start = start;
            _owner = owner;
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _start.RegisterCodeBlockAction(_owner.Timed(action));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported("a compilation end action");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported("a semantic-model action");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported("a symbol action");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported("a code-block start action");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported("a syntax-tree action");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported("a syntax-node action");
    }
}
