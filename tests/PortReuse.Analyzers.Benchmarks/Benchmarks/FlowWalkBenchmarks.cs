using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Benchmarks.Corpora;
using PortReuse.Analyzers.Benchmarks.Measurement;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Benchmarks.Benchmarks;

/// <summary>
/// The flow walk alone, for changes to the walker: the bodies the analyzer would walk, with their operation trees
/// built once in setup, walked on one thread with no driver and no <c>GetOperation</c>. In a whole analysis the walk
/// is a few milliseconds among seconds of binding, and the machine's speed moves more than that between runs; here it
/// is all that is timed. The baseline visits the same trees with a bare <see cref="OperationWalker"/>, the least any
/// walk of them costs.
/// </summary>
public class FlowWalkBenchmarks
{
    private Body[] _bodies = Array.Empty<Body>();
    private SocketSymbols _symbols = null!;

    [Params("long-20000", "mixed-2000")]
    public string Corpus { get; set; } = "";

    [GlobalSetup]
    public void BuildOperationTrees()
    {
        var corpus = Corpus == "long-20000" ? CorpusGenerator.LongFile(20_000) : CorpusGenerator.Mixed(2000);
        // Compiled as the measured runs compile it (nullable on), so the walker sees the same operation trees.
        var compilation = CompilationRun.CreateCompilation(corpus);
        _symbols = SocketSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("System.Net.Sockets does not resolve.");

        // The blocks the analyzer walks: members with a body that pass its name filter.
        var bodies = new List<Body>();
        var words = new SpelledWords();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
            {
                if (SocketNameFilter.NeedsAnalysis(member, model, words, CancellationToken.None) && model.GetOperation(member) is { } operation)
                {
                    bodies.Add(new Body(model, operation));
                }
            }
        }

        _bodies = bodies.Count > 0 ? bodies.ToArray() : throw new InvalidOperationException($"{Corpus} has no body to walk.");
    }

    [Benchmark(Baseline = true)]
    public int BareOperationWalker()
    {
        var walker = new CountingWalker();
        foreach (var body in _bodies)
        {
            walker.Visit(body.Operation);
        }

        return walker.Count;
    }

    [Benchmark]
    public int BindFlowWalker()
    {
        // One cache of field verdicts and of spelled words per compilation, as the analyzer keeps them.
        var fields = new FieldProvenance();
        var words = new SpelledWords();
        var binds = 0;
        foreach (var body in _bodies)
        {
            var walker = new BindFlowWalker(_symbols, body.Model, fields, words, CancellationToken.None);
            walker.Walk(body.Operation);
            binds += walker.Binds.Count;
        }

        return binds;
    }

    private readonly record struct Body(SemanticModel Model, IOperation Operation);

    private sealed class CountingWalker : OperationWalker
    {
        public int Count { get; private set; }

        public override void DefaultVisit(IOperation operation)
        {
            Count++;
            base.DefaultVisit(operation);
        }
    }
}
