using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Tests.Performance;

/// <summary>
/// The cheap path asks the semantic model only where a Bind/Start call is spelled; these pin that it lets through every
/// one whose receiver is a socket or listener, however declared or spelled, and keeps out the common non-socket ones.
/// </summary>
public class SocketNameFilterTests
{
    [Theory]
    [InlineData("void M() { System.Diagnostics.Process.Start(\"ls\"); }")]
    [InlineData("void M() { Process.Start(\"ls\"); }")]
    [InlineData("System.Timers.Timer _timer = new(10); void M() { _timer.Start(); }")]
    [InlineData("Stopwatch Clock { get; } = new(); void M() { this.Clock.Start(); }")]
    [InlineData("void M() { var task = new Task(() => { }); task.Start(); }")]
    [InlineData("void M(Settings section) { section.Bind(this); }")]
    [InlineData("void M() { foreach (Stopwatch watch in new Stopwatch[0]) { watch.Start(); } }")]
    [InlineData("void M(Stopwatch s) { var ss = s; s.Start(); }")]
    [InlineData("void M() { var watch = new Stopwatch(); if (watch.IsRunning) { return; } watch.Start(); } Listener watch2 = null!;")]
    [InlineData("void M() { Action<Stopwatch> start = w => w.Start(); }")]
    [InlineData("Stopwatch s = new(); void M() { var sums = 0; s.Start(); }")]
    [InlineData("void M() { var t = new Task(() => { }); t.St\\u0061rt(); }")]
    [InlineData("void M() { Stopwatch \\u0074 = new(); t.Start(); }")]
    public async Task Keeps_Out_Start_And_Bind_On_Other_Types(string members)
        => Assert.False(await NeedsAnalysis(members));

    [Theory]
    [InlineData("System.Net.Sockets.TcpListener _listener = new(System.Net.IPAddress.Loopback, 5000); void M() { _listener.Start(); }")]
    [InlineData("DerivedListener _listener = new(5000); void M() { _listener.Start(); }")]
    [InlineData("Listener _listener = new(5000); void M() { _listener.Start(); }")]
    [InlineData("void M() { Inherited.Start(); }", "Base")]
    [InlineData("void M() { var listener = Make(); listener.Start(); }")]
    [InlineData("void M(bool b) { if (b) { Stopwatch _listener = new(); _listener.Start(); } _listener.Start(); } System.Net.Sockets.TcpListener _listener = null!;")]
    [InlineData("void M() { Action<DerivedListener> start = l => l.Start(); }")]
    [InlineData("void M() { var socket = MakeSocket(); socket.Bind(null!); }")]
    [InlineData("void M(Listener s) { var ss = s; s.Start(); }")]
    [InlineData("Listener Server { get; } = new(System.Net.IPAddress.Loopback, 1); void M() { Server.Start(); }")]
    [InlineData("Listener s = new(System.Net.IPAddress.Loopback, 1); void M() { var sums = 0; s.Start(); }")]
    [InlineData("void M(Listener l) { l.St\\u0061rt(); }")]
    [InlineData("void M() { Listener \\u006c = Make(); l.Start(); }")]
    [InlineData("void M(Listener @l) { l.Start(); }")]
    [InlineData("void M() { { Stopwatch server = new(); server.Start(); } Server.Start(); } static Listener Server { get; } = new(System.Net.IPAddress.Loopback, 1);")]
    [InlineData("void M() { Action<Stopwatch> a = server => server.Start(); Server.Start(); } Listener Server { get; } = new(System.Net.IPAddress.Loopback, 1);")]
    [InlineData("void M() { Action a = () => { Stopwatch w = new(); w.Start(); }; w.Start(); } Listener w = new(System.Net.IPAddress.Loopback, 1);")]
    public async Task Lets_Through_Every_Socket_Or_Listener_Receiver(string members, string? baseType = null)
        => Assert.True(await NeedsAnalysis(members, baseType));

    private static async Task<bool> NeedsAnalysis(string members, string? baseType = null)
    {
        var source = $$"""
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;
            using Listener = System.Net.Sockets.TcpListener;

            public sealed class Settings { public void Bind(object target) { } }
            public class DerivedListener : System.Net.Sockets.TcpListener { public DerivedListener(int port) : base(System.Net.IPAddress.Loopback, port) { } }
            public class Base { protected System.Net.Sockets.TcpListener Inherited { get; } = new(System.Net.IPAddress.Loopback, 1); }

            public class C{{(baseType is null ? "" : " : " + baseType)}}
            {
                {{members}}

                static System.Net.Sockets.TcpListener Make() => new(System.Net.IPAddress.Loopback, 1);

                static System.Net.Sockets.Socket MakeSocket() => throw new NotSupportedException();
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("Filter", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "M");
        return SocketNameFilter.NeedsAnalysis(method, compilation.GetSemanticModel(tree), new SpelledWords(), CancellationToken.None);
    }
}
