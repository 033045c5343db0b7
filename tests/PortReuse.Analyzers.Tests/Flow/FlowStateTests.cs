using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PortReuse.Analyzers.Flow;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Tests.Flow;

/// <summary>
/// Copies of a flow state share their tables until one side writes: these pin that a write on either side never
/// shows on the other, and that joins of shared and unshared tables give the meet.
/// </summary>
public class FlowStateTests
{
    private static readonly ISymbol[] Locals = LocalsOf("class C { void M() { int a = 0, b = 0; } }");

    private static SocketKey A => SocketKey.For(Locals[0]);

    private static SocketKey B => SocketKey.For(Locals[1]);

    [Fact]
    public void Write_After_Clone_Stays_On_Its_Side()
    {
        var original = new FlowState();
        original.AddFacts(A, SocketFacts.Created);
        original.SetValue(Locals[0], TrackedValue.FromConstant(8080));

        var copy = original.Clone();
        copy.AddFacts(A, SocketFacts.Decided);
        copy.SetValue(Locals[0], TrackedValue.FromConstant(9090));
        copy.SetAlias(Locals[1], A);
        original.AddFacts(B, SocketFacts.Created);

        Assert.Equal(SocketFacts.Created, original.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, copy.GetSocket(A)!.Value.Must);
        Assert.Null(copy.GetSocket(B));
        Assert.Equal(8080, original.GetValue(Locals[0]).Constant);
        Assert.Equal(9090, copy.GetValue(Locals[0]).Constant);
        Assert.Null(original.GetAlias(Locals[1]));
    }

    [Fact]
    public void Removal_After_Clone_Stays_On_Its_Side()
    {
        var original = new FlowState();
        original.AddFacts(A, SocketFacts.Created);
        original.SetAlias(Locals[1], A);
        original.SetValue(Locals[0], TrackedValue.FromConstant(1));

        var copy = original.Clone();
        copy.RemoveSocket(A);
        copy.SetAlias(Locals[1], null);
        copy.SetValue(Locals[0], TrackedValue.Unknown);

        Assert.NotNull(original.GetSocket(A));
        Assert.Equal(A, original.GetAlias(Locals[1]));
        Assert.Equal(1, original.GetValue(Locals[0]).Constant);
        Assert.Null(copy.GetSocket(A));
        Assert.Null(copy.GetAlias(Locals[1]));
    }

    [Fact]
    public void Join_Of_Untouched_Copies_Keeps_Every_Fact()
    {
        var before = new FlowState();
        before.AddFacts(A, SocketFacts.Created | SocketFacts.Decided);
        var branch = before.Clone();

        before.JoinWith(branch);

        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, before.GetSocket(A)!.Value.Must);
    }

    [Fact]
    public void Join_Intersects_Must_And_Unites_May_And_Stays_Writable()
    {
        var before = new FlowState();
        before.AddFacts(A, SocketFacts.Created);
        var branch = before.Clone();
        branch.AddFacts(A, SocketFacts.Decided);
        branch.AddFacts(B, SocketFacts.Created);

        before.JoinWith(branch);
        var afterJoin = before.Clone();
        before.AddFacts(A, SocketFacts.Bound);

        Assert.Equal(SocketFacts.Created | SocketFacts.Bound, before.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided | SocketFacts.Bound, before.GetSocket(A)!.Value.May);
        Assert.Equal(SocketFacts.None, before.GetSocket(B)!.Value.Must);
        Assert.Equal(SocketFacts.Created, afterJoin.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created, branch.GetSocket(B)!.Value.Must);
    }

    /// <summary>Both sides wrote after the copy, so each holds its own tables: the join is made in place.</summary>
    [Fact]
    public void Join_Of_Owned_Tables_Gives_The_Meet_And_Leaves_The_Other_Side_Alone()
    {
        var before = new FlowState();
        before.AddFacts(A, SocketFacts.Created);
        before.SetValue(Locals[0], TrackedValue.FromConstant(1));
        before.SetValue(Locals[1], TrackedValue.FromConstant(2));
        before.SetAlias(Locals[1], A);
        var branch = before.Clone();
        before.AddFacts(A, SocketFacts.Decided);
        before.SetValue(Locals[1], TrackedValue.FromConstant(3));
        before.SetAlias(Locals[0], A);
        branch.AddFacts(B, SocketFacts.Bound);
        branch.SetValue(Locals[0], TrackedValue.FromConstant(1));
        branch.SetAlias(Locals[0], B);

        before.JoinWith(branch);

        Assert.Equal(SocketFacts.Created, before.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, before.GetSocket(A)!.Value.May);
        Assert.Equal(SocketFacts.None, before.GetSocket(B)!.Value.Must);
        Assert.Equal(SocketFacts.Bound, before.GetSocket(B)!.Value.May);
        Assert.Equal(1, before.GetValue(Locals[0]).Constant);
        Assert.Equal(TrackedValue.Unknown, before.GetValue(Locals[1]));
        Assert.Equal(A, before.GetAlias(Locals[1]));
        Assert.Null(before.GetAlias(Locals[0]));

        Assert.Equal(SocketFacts.Created, branch.GetSocket(A)!.Value.May);
        Assert.Equal(2, branch.GetValue(Locals[1]).Constant);
        Assert.Equal(B, branch.GetAlias(Locals[0]));
    }

    /// <summary>Once the copy has written (and so copied), the original is the sole holder of the old table and joins in place.</summary>
    [Fact]
    public void Join_In_Place_After_The_Other_Side_Copied_Leaves_That_Side_Alone()
    {
        var before = new FlowState();
        before.AddFacts(A, SocketFacts.Created);
        before.SetValue(Locals[0], TrackedValue.FromConstant(1));
        var branch = before.Clone();
        branch.AddFacts(A, SocketFacts.Decided);
        branch.SetValue(Locals[0], TrackedValue.FromConstant(2));

        before.JoinWith(branch);
        before.AddFacts(B, SocketFacts.Bound);

        Assert.Equal(SocketFacts.Created, before.GetSocket(A)!.Value.Must);
        Assert.Equal(TrackedValue.Unknown, before.GetValue(Locals[0]));
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, branch.GetSocket(A)!.Value.Must);
        Assert.Equal(2, branch.GetValue(Locals[0]).Constant);
        Assert.Null(branch.GetSocket(B));
    }

    /// <summary>Three states on one table: a write by any of them copies until only one holder is left.</summary>
    [Fact]
    public void A_Table_Held_Three_Ways_Is_Copied_Until_One_Holder_Is_Left()
    {
        var first = new FlowState();
        first.AddFacts(A, SocketFacts.Created);
        var second = first.Clone();
        var third = first.Clone();

        second.AddFacts(A, SocketFacts.Decided);
        first.AddFacts(A, SocketFacts.Bound);
        third.AddFacts(B, SocketFacts.Created);

        Assert.Equal(SocketFacts.Created | SocketFacts.Bound, first.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, second.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created, third.GetSocket(A)!.Value.Must);
        Assert.Null(first.GetSocket(B));
        Assert.Null(second.GetSocket(B));
    }

    [Fact]
    public void Unreachable_Side_Adds_Nothing_And_Copying_From_It_Shares_Safely()
    {
        var live = new FlowState();
        live.AddFacts(A, SocketFacts.Created);
        var dead = live.Clone();
        dead.AddFacts(A, SocketFacts.Decided);
        dead.MarkUnreachable();
        live.JoinWith(dead);
        Assert.Equal(SocketFacts.Created, live.GetSocket(A)!.Value.May);

        var fresh = new FlowState();
        fresh.MarkUnreachable();
        fresh.JoinWith(live);
        fresh.AddFacts(A, SocketFacts.Bound);
        Assert.Equal(SocketFacts.Created, live.GetSocket(A)!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Bound, fresh.GetSocket(A)!.Value.Must);
    }

    private static ISymbol[] LocalsOf(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Flow", new[] { tree });
        var model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>()
            .Select(v => model.GetDeclaredSymbol(v)!)
            .ToArray();
    }
}
