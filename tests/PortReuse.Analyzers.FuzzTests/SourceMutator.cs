using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PortReuse.Analyzers.FuzzTests;

/// <summary>One mutated document, with what it was made from so a failure can be replayed.</summary>
public sealed record Mutant(int Index, string SeedName, string Recipe, string Text);

/// <summary>
/// Deterministic mutations of the seed corpus: mutant <c>i</c> of run seed <c>s</c> is always the same text.
/// Even indices truncate the corpus at each token in turn (spread over all seeds); odd indices chain one to three
/// structural mutations chosen by a <see cref="Random"/> seeded from <c>(s, i)</c>.
/// </summary>
public sealed class SourceMutator
{
    private static readonly string[] Literals =
    [
        "0", "-1", "1", "65535", "65536", "int.MaxValue", "8080L", "1.5", "'x'", "\"\"", "\"0.0.0.0\"", "\"::\"", "\"127.0.0.1\"",
        "\"not an address\"", "null", "default", "true", "false", "IPAddress.Any", "IPAddress.IPv6Any", "IPAddress.Loopback",
        "SocketOptionName.ReuseAddress", "SocketOptionName.ExclusiveAddressUse", "SocketOptionLevel.Socket", "AddressFamily.Unix",
        "(SocketOptionName)4", "(SocketOptionName)(-5)", "0xffff",
    ];

    private static readonly string[] Names = ["s", "socket", "Socket", "Bind", "Start", "value", "@this", "_", "port", "listener", "ExclusiveAddressUse", "x\u00e9"];

    private static readonly string[] Statements =
    [
        "{0}.Bind(new IPEndPoint(IPAddress.Any, 1234));",
        "{0}.Bind(new IPEndPoint(IPAddress.Loopback, 0));",
        "{0}.ExclusiveAddressUse = true;",
        "{0}.ExclusiveAddressUse = false;",
        "{0}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);",
        "{0}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ExclusiveAddressUse, true);",
        "{0}.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);",
        "{0}.Client.Bind(new IPEndPoint(IPAddress.IPv6Any, 4321));",
        "{0}.Start();",
        "{0} = null!;",
        "{0} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);",
        "{0} = new UdpClient(9999);",
        "{0} = TcpListener.Create(9998);",
        "System.GC.KeepAlive({0});",
        "return;",
        "throw new System.InvalidOperationException();",
        "goto fuzz_label; fuzz_label: ;",
        "while (true) { break; }",
        "lock ({0}) { }",
        "using ({0} as System.IDisposable) { }",
    ];

    private readonly IReadOnlyList<Seed> _seeds;
    private readonly CSharpParseOptions _options;
    private readonly int _runSeed;
    private readonly int[] _tokenStarts;
    private readonly int _totalTokens;

    public SourceMutator(IReadOnlyList<Seed> seeds, CSharpParseOptions options, int runSeed)
    {
        _seeds = seeds;
        _options = options;
        _runSeed = runSeed;
        _tokenStarts = new int[seeds.Count];
        foreach (var (seed, i) in seeds.Select((s, i) => (s, i)))
        {
            _tokenStarts[i] = _totalTokens;
            _totalTokens += Parse(seed.Text).GetRoot().DescendantTokens(descendIntoTrivia: false).Count();
        }
    }

    /// <summary>Truncations there are in the corpus: one per token of every seed.</summary>
    public int TotalTokens => _totalTokens;

    public Mutant Create(int index)
        => index % 2 == 0 ? Truncate(index, index / 2 % _totalTokens) : Chain(index);

    private Mutant Truncate(int index, int globalToken)
    {
        var seedIndex = Array.FindLastIndex(_tokenStarts, start => start <= globalToken);
        var seed = _seeds[seedIndex];
        var token = Parse(seed.Text).GetRoot().DescendantTokens().ElementAt(globalToken - _tokenStarts[seedIndex]);
        return new Mutant(index, seed.Name, $"truncate@{token.SpanStart}", seed.Text[..token.SpanStart]);
    }

    private Mutant Chain(int index)
    {
        var random = new Random(unchecked((_runSeed * 1_000_003) + index));
        var seed = _seeds[random.Next(_seeds.Count)];
        var text = seed.Text;
        var recipe = new List<string>();
        var wanted = 1 + random.Next(3);
        for (var attempt = 0; recipe.Count < wanted && attempt < 10; attempt++)
        {
            var root = Parse(text).GetRoot();
            var (name, mutated) = random.Next(11) switch
            {
                0 => ("delete-token", DeleteToken(root, random)),
                1 => ("duplicate-token", DuplicateToken(root, random)),
                2 => ("swap-arguments", SwapArguments(root, random)),
                3 => ("replace-literal", ReplaceLiteral(root, random)),
                4 => ("wrap", WrapStatements(root, random)),
                5 => ("rename", Rename(root, random)),
                6 => ("if-directive", WrapInIf(root, random)),
                7 => ("pragma", AddDirective(root, random)),
                8 => ("insert-statement", InsertStatement(root, random)),
                9 => ("duplicate-statement", DuplicateStatement(root, random)),
                _ => ("wrap", WrapStatements(root, random)),
            };
            if (mutated is not null)
            {
                text = mutated;
                recipe.Add(name);
            }
        }

        return new Mutant(index, seed.Name, string.Join('+', recipe), text);
    }

    private SyntaxTree Parse(string text) => CSharpSyntaxTree.ParseText(text, _options);

    private static string Splice(SyntaxNode root, TextSpan span, string replacement)
        => root.ToFullString().Remove(span.Start, span.Length).Insert(span.Start, replacement);

    private static T? Pick<T>(IReadOnlyList<T> items, Random random) where T : class
        => items.Count == 0 ? null : items[random.Next(items.Count)];

    private static SyntaxToken[] Tokens(SyntaxNode root) => root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();

    private static string? DeleteToken(SyntaxNode root, Random random)
        => Tokens(root) is { Length: > 0 } tokens && tokens[random.Next(tokens.Length)] is var token
            ? Splice(root, token.Span, string.Empty)
            : null;

    private static string? DuplicateToken(SyntaxNode root, Random random)
        => Tokens(root) is { Length: > 0 } tokens && tokens[random.Next(tokens.Length)] is var token
            ? Splice(root, new TextSpan(token.Span.End, 0), " " + token.Text)
            : null;

    private static string? SwapArguments(SyntaxNode root, Random random)
    {
        var list = Pick(root.DescendantNodes().OfType<BaseArgumentListSyntax>().Where(l => l.Arguments.Count >= 2).ToArray(), random);
        if (list is null)
        {
            return null;
        }

        var i = random.Next(list.Arguments.Count);
        var j = (i + 1 + random.Next(list.Arguments.Count - 1)) % list.Arguments.Count;
        var (first, second) = i < j ? (list.Arguments[i], list.Arguments[j]) : (list.Arguments[j], list.Arguments[i]);
        var text = root.ToFullString();
        return text[..first.SpanStart] + second + text[first.Span.End..second.SpanStart] + first + text[second.Span.End..];
    }

    private static string? ReplaceLiteral(SyntaxNode root, Random random)
    {
        var targets = root.DescendantNodes()
            .Where(n => n is LiteralExpressionSyntax || (n is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "IPAddress" or "SocketOptionName" or "AddressFamily" or "SocketType" or "ProtocolType" } }))
            .ToArray();
        return Pick(targets, random) is { } target ? Splice(root, target.Span, Literals[random.Next(Literals.Length)]) : null;
    }

    /// <summary>Consecutive statements of one block (or of the top level), so declarations mostly travel with their uses.</summary>
    private static (TextSpan Span, string Text)? StatementRange(SyntaxNode root, Random random)
    {
        var groups = root.DescendantNodes().OfType<BlockSyntax>().Where(b => b.Statements.Count > 0).Select(b => (IReadOnlyList<SyntaxNode>)b.Statements.ToArray()).ToList();
        var globals = root.ChildNodes().OfType<GlobalStatementSyntax>().ToArray();
        if (globals.Length > 0)
        {
            groups.Add(globals);
        }

        if (Pick(groups, random) is not { } statements)
        {
            return null;
        }

        var start = random.Next(statements.Count);
        var end = start + random.Next(statements.Count - start);
        var span = TextSpan.FromBounds(statements[start].SpanStart, statements[end].Span.End);
        return (span, root.ToFullString().Substring(span.Start, span.Length));
    }

    private static string? WrapStatements(SyntaxNode root, Random random)
    {
        if (StatementRange(root, random) is not var (span, body))
        {
            return null;
        }

        var wrapped = random.Next(5) switch
        {
            0 => $"System.Action fuzz_l = () => {{ {body} }}; fuzz_l();",
            1 => $"System.Func<System.Threading.Tasks.Task> fuzz_a = async () => {{ await System.Threading.Tasks.Task.Yield(); {body} }}; fuzz_a().Wait();",
            2 => $"void fuzz_f() {{ {body} }} fuzz_f();",
            3 => $"System.Action fuzz_o = () => {{ System.Action fuzz_i = delegate {{ System.Func<int, int> fuzz_d = x => {{ {body} return x; }}; fuzz_d(0); }}; fuzz_i(); }}; fuzz_o();",
            _ => $"static async System.Threading.Tasks.Task fuzz_s() {{ await System.Threading.Tasks.Task.Delay(1); {body} }} fuzz_s().Wait();",
        };
        return Splice(root, span, wrapped);
    }

    private static string? Rename(SyntaxNode root, Random random)
    {
        var declared = root.DescendantNodes()
            .Select(n => n switch
            {
                VariableDeclaratorSyntax v => v.Identifier,
                ParameterSyntax p => p.Identifier,
                SingleVariableDesignationSyntax d => d.Identifier,
                _ => default,
            })
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(t => t.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (Pick(declared, random) is not { } old)
        {
            return null;
        }

        var replacement = Names[random.Next(Names.Length)];
        var text = root.ToFullString();
        foreach (var token in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == old).Reverse())
        {
            text = text.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, replacement);
        }

        return text;
    }

    private static string? WrapInIf(SyntaxNode root, Random random)
    {
        if (StatementRange(root, random) is not var (span, body))
        {
            return null;
        }

        var wrapped = random.Next(4) switch
        {
            0 => $"\n#if DEBUG\n{body}\n#endif\n",
            1 => $"\n#if !DEBUG\n{body}\n#endif\n",
            2 => $"\n#if FUZZ\n{body}\n#else\n{body}\n#endif\n",
            _ => $"\n#if DEBUG\n{body}\n#elif FUZZ\n#error unreachable\n#endif\n",
        };
        return Splice(root, span, wrapped);
    }

    /// <summary>A directive on a line of its own before a random statement or member.</summary>
    private static string? AddDirective(SyntaxNode root, Random random)
    {
        var anchors = root.DescendantNodes().Where(n => n is StatementSyntax or MemberDeclarationSyntax).ToArray();
        if (Pick(anchors, random) is not { } anchor)
        {
            return null;
        }

        var directive = random.Next(8) switch
        {
            0 => "#pragma warning disable PR0001",
            1 => "#pragma warning restore PR0001",
            2 => "#pragma warning disable",
            3 => "#nullable disable",
            4 => "#line 900 \"Elsewhere.cs\"",
            5 => "#line hidden",
            6 => "#line (1, 1) - (1, 20) \"Mapped.razor\"",
            _ => "#region fuzz\n#endregion",
        };
        return Splice(root, new TextSpan(anchor.SpanStart, 0), "\n" + directive + "\n");
    }

    private static string? InsertStatement(SyntaxNode root, Random random)
    {
        var identifiers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).Distinct(StringComparer.Ordinal).ToArray();
        var statements = root.DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax or GlobalStatementSyntax).ToArray();
        if (Pick(identifiers, random) is not { } name || Pick(statements, random) is not { } anchor)
        {
            return null;
        }

        var statement = Statements[random.Next(Statements.Length)].Replace("{0}", name, StringComparison.Ordinal);
        var position = random.Next(2) == 0 ? anchor.SpanStart : anchor.Span.End;
        return Splice(root, new TextSpan(position, 0), " " + statement + " ");
    }

    private static string? DuplicateStatement(SyntaxNode root, Random random)
    {
        var statement = Pick(root.DescendantNodes().OfType<ExpressionStatementSyntax>().ToArray(), random);
        return statement is null ? null : Splice(root, new TextSpan(statement.Span.End, 0), " " + statement);
    }
}
