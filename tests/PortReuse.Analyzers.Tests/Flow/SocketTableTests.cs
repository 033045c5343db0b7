using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PortReuse.Analyzers.Flow;

namespace PortReuse.Analyzers.Tests.Flow;

/// <summary>
/// The socket table's two storage shapes (a short scanned array, a dictionary past eight sockets) and its flattening
/// of deep layer stacks: lookups, removals and joins must read the same either way.
/// </summary>
public class SocketTableTests
{
    private static readonly SocketKey[] Keys = KeysOf(24);

    [Fact]
    public void A_Layer_Past_Eight_Sockets_Still_Finds_Updates_And_Removes_Each()
    {
        var state = new FlowState();
        foreach (var key in Keys)
        {
            state.AddFacts(key, SocketFacts.Created);
        }

        state.AddFacts(Keys[3], SocketFacts.Decided);
        state.AddFacts(Keys[20], SocketFacts.Bound);
        state.RemoveSocket(Keys[0]);
        state.RemoveSocket(Keys[15]);

        Assert.Null(state.GetSocket(Keys[0]));
        Assert.Null(state.GetSocket(Keys[15]));
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, state.GetSocket(Keys[3])!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Bound, state.GetSocket(Keys[20])!.Value.Must);
        Assert.Equal(SocketFacts.Created, state.GetSocket(Keys[23])!.Value.Must);
    }

    [Fact]
    public void Removal_Within_A_Short_Layer_Keeps_The_Others()
    {
        var state = new FlowState();
        for (var i = 0; i < 4; i++)
        {
            state.AddFacts(Keys[i], SocketFacts.Created);
        }

        state.RemoveSocket(Keys[1]);
        state.AddFacts(Keys[3], SocketFacts.Bound);

        Assert.Null(state.GetSocket(Keys[1]));
        Assert.Equal(SocketFacts.Created, state.GetSocket(Keys[0])!.Value.Must);
        Assert.Equal(SocketFacts.Created, state.GetSocket(Keys[2])!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Bound, state.GetSocket(Keys[3])!.Value.Must);
    }

    /// <summary>Each copy that writes stacks a layer; past the depth limit the stack is flattened, and a removal made in an upper layer must stay removed.</summary>
    [Fact]
    public void A_Deep_Stack_Of_Copies_Reads_The_Same_After_Flattening()
    {
        var state = new FlowState();
        var ancestors = new List<FlowState>();
        for (var i = 0; i < Keys.Length; i++)
        {
            ancestors.Add(state);
            state = state.Clone();
            state.AddFacts(Keys[i], SocketFacts.Created);
            if (i % 5 == 4)
            {
                state.RemoveSocket(Keys[i - 2]);
            }
        }

        for (var i = 0; i < Keys.Length; i++)
        {
            var removed = i % 5 == 2 && i + 2 < Keys.Length;
            Assert.Equal(removed ? null : SocketFacts.Created, state.GetSocket(Keys[i])?.Must);
        }

        // Every ancestor still sees only what was written before it was copied.
        Assert.Null(ancestors[10].GetSocket(Keys[10]));
        Assert.Equal(SocketFacts.Created, ancestors[10].GetSocket(Keys[9])!.Value.Must);
        Assert.Null(ancestors[10].GetSocket(Keys[7]));
    }

    [Fact]
    public void Join_Of_Sides_Each_Writing_Many_Sockets_Gives_The_Meet()
    {
        var before = new FlowState();
        before.AddFacts(Keys[0], SocketFacts.Created);
        var branch = before.Clone();
        for (var i = 1; i < 12; i++)
        {
            branch.AddFacts(Keys[i], SocketFacts.Created | SocketFacts.Decided);
            before.AddFacts(Keys[i + 10], SocketFacts.Created);
        }

        branch.AddFacts(Keys[0], SocketFacts.Decided);
        before.JoinWith(branch);

        Assert.Equal(SocketFacts.Created, before.GetSocket(Keys[0])!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, before.GetSocket(Keys[0])!.Value.May);
        Assert.Equal(SocketFacts.None, before.GetSocket(Keys[5])!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, before.GetSocket(Keys[5])!.Value.May);
        Assert.Equal(SocketFacts.Created, before.GetSocket(Keys[11])!.Value.Must);
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, before.GetSocket(Keys[11])!.Value.May);
        Assert.Equal(SocketFacts.None, before.GetSocket(Keys[21])!.Value.Must);
        Assert.Null(before.GetSocket(Keys[22]));
        Assert.Equal(SocketFacts.Created | SocketFacts.Decided, branch.GetSocket(Keys[11])!.Value.Must);
    }

    private static SocketKey[] KeysOf(int count)
    {
        var declarations = string.Join(", ", Enumerable.Range(0, count).Select(i => $"s{i} = 0"));
        var tree = CSharpSyntaxTree.ParseText($"class C {{ void M() {{ int {declarations}; }} }}");
        var model = CSharpCompilation.Create("Table", new[] { tree }).GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes()
            .OfType<VariableDeclaratorSyntax>()
            .Select(v => SocketKey.For(model.GetDeclaredSymbol(v)!))
            .ToArray();
    }
}
