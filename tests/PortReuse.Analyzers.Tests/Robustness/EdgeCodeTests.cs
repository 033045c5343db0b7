using System.Text;
using Microsoft.CodeAnalysis;
using Verify = PortReuse.Analyzers.Tests.Verifiers.CSharpVerifier<PortReuse.Analyzers.SocketBindAnalyzer, PortReuse.Analyzers.Tests.Verifiers.NoFix>;

namespace PortReuse.Analyzers.Tests.Robustness;

/// <summary>
/// Code shapes the rules must see through (or stay out of), with the exact diagnostics expected. Loopback addresses
/// keep the wildcard rule out of the way so each case asserts the bind decision alone.
/// </summary>
public sealed class EdgeCodeTests
{
    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\n";

    [Fact]
    public Task Top_Level_Statements() => RunAsync(OutputKind.ConsoleApplication, Usings + """
        var undecided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        {|PR0001:undecided.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};

        var decided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        decided.ExclusiveAddressUse = true;
        decided.Bind(new IPEndPoint(IPAddress.Loopback, 8081));

        Open();

        static void Open()
        {
            var listener = new TcpListener(IPAddress.Loopback, 8082);
            {|PR0001:listener.Start()|};
        }
        """);

    [Fact]
    public Task File_Scoped_Namespace() => Verify.VerifyAnalyzerAsync(Usings + """
        namespace Servers;

        sealed class Server
        {
            void Open()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
            }
        }
        """);

    [Fact]
    public Task Records_And_Record_Structs() => Verify.VerifyAnalyzerAsync(Usings + """
        record Endpoint(int Port)
        {
            public Socket Open()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, Port))|};
                return s;
            }
        }

        readonly record struct SharedEndpoint(int Port)
        {
            public Socket Open()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                s.Bind(new IPEndPoint(IPAddress.Loopback, Port));
                return s;
            }
        }
        """);

    [Fact]
    public Task Primary_Constructors_With_Socket_Fields() => Verify.VerifyAnalyzerAsync(Usings + """
        sealed class Undecided(int port)
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Open() => {|PR0001:_socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};

            public int Port => port;
        }

        sealed class Decided(Socket socket)
        {
            private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            public void Configure() => _socket.ExclusiveAddressUse = true;

            public void Open()
            {
                _socket.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 8082)); // a parameter: judged at the callers
            }
        }
        """);

    [Fact]
    public Task Pattern_Matching() => Verify.VerifyAnalyzerAsync(Usings + """
        class C
        {
            void Guarded(bool share)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                if (s is { AddressFamily: AddressFamily.InterNetwork, Connected: false })
                {
                    {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                }

                var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                var decided = share switch
                {
                    true => SetReuse(t),
                    false => SetReuse(t),
                };
                t.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }

            void Received(object o)
            {
                // Provenance unknown: whoever created it decides.
                if (o is Socket { IsBound: false } s)
                {
                    s.Bind(new IPEndPoint(IPAddress.Loopback, 8082));
                }
            }

            static bool SetReuse(Socket s)
            {
                s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                return true;
            }
        }
        """);

    [Fact]
    public Task Nullable_Annotations() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + Usings + """
        class C
        {
            Socket? _unused;

            void M()
            {
                Socket? s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s!.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};

                Socket? t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                t!.ExclusiveAddressUse = true;
                t.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
            }
        }
        """);

    [Fact]
    public Task Nullable_Disable() => Verify.VerifyAnalyzerAsync("#nullable disable\n" + Usings + """
        class C
        {
            void M()
            {
                Socket s = null;
                s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
            }
        }
        """);

    [Fact]
    public Task Very_Long_Method()
    {
        var body = new StringBuilder();
        body.AppendLine("var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        for (var i = 0; i < 3_000; i++)
        {
            body.Append("total += ").Append(i).AppendLine(" % 7 == 0 ? 1 : 0;");
            if (i % 500 == 0)
            {
                body.AppendLine("if (total > 1000) { total = 0; }");
            }
        }

        body.AppendLine("{|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};");
        return Verify.VerifyAnalyzerAsync(Usings + "class C\n{\n    int M()\n    {\n        var total = 0;\n" + body + "        return total;\n    }\n}\n");
    }

    [Fact]
    public Task Deeply_Nested_Lambdas()
    {
        const int Depth = 40;
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var i = 0; i < Depth; i++)
        {
            open.Append("Action a").Append(i).Append(" = () => {\n");
            close.Insert(0, "};\na" + i + "();\n");
        }

        var inner = """
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
            decided.Bind(new IPEndPoint(IPAddress.Loopback, 8081));

            """;
        return Verify.VerifyAnalyzerAsync(Usings + $$"""
            class C
            {
                void M()
                {
                    var decided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    decided.ExclusiveAddressUse = true;
                    {{open}}{{inner}}{{close}}
                }
            }
            """);
    }

    [Fact]
    public Task Partial_Class_Split_Across_Files()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Server.Fields.cs", Usings + """
            partial class Server
            {
                private readonly Socket _undecided;
                private readonly Socket _decided;

                public Server()
                {
                    _undecided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    _decided = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    _decided.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }
            }
            """));
        test.TestState.Sources.Add(("Server.Open.cs", Usings + """
            partial class Server
            {
                public void Open()
                {
                    {|PR0001:_undecided.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
                    _decided.Bind(new IPEndPoint(IPAddress.Loopback, 8081));
                }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Line_Directives_Map_But_Do_Not_Hide() => Verify.VerifyAnalyzerAsync(Usings + """
        class C
        {
            void M()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        #line 200 "Generated.razor"
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|};
        #line default
                var u = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                u.ExclusiveAddressUse = true;
        #line (1, 1) - (1, 30) "Page.razor"
                u.Bind(new IPEndPoint(IPAddress.Loopback, 8082));
        #line 10 "Page.razor"
                var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:t.Bind(new IPEndPoint(IPAddress.Loopback, 8081))|};
            }
        }
        """);

    /// <summary><c>#line hidden</c> marks tool-generated code (Razor emits it): the host treats the block as generated.</summary>
    [Fact]
    public Task Line_Hidden_Is_Generated_Code() => Verify.VerifyAnalyzerAsync(Usings + """
        class C
        {
            void Generated()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        #line hidden
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
        #line default
            }

            void HandWritten()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8081))|};
            }
        }
        """);

    /// <summary>
    /// <c>[GeneratedCode]</c> on a type or member: the driver skips analysing it, and a wildcard or undecided bind in a
    /// hand-written sibling is still reported (the analyzer lets the driver report in generated code, so these pin
    /// that nothing generated leaks through).
    /// </summary>
    [Fact]
    public Task GeneratedCode_Attribute_Is_Not_Analysed() => Verify.VerifyAnalyzerAsync(Usings + """
        [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
        class GeneratedServer
        {
            void Open()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Any, 8080));
            }

            class Nested
            {
                void Open() => new TcpListener(IPAddress.Any, 8081).Start();
            }
        }

        class MixedServer
        {
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            void Generated()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8082));
            }

            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            Socket GeneratedField = Open(8083);

            void HandWritten()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                {|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8084))|};
            }

            static Socket Open(int port)
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.ExclusiveAddressUse = true;
                s.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return s;
            }
        }
        """);

    [Theory]
    [InlineData("// <auto-generated/>\n")]
    [InlineData("// <auto-generated>\n// This code was generated by a tool.\n// </auto-generated>\n")]
    [InlineData("// <autogenerated />\n")]
    public Task Generated_Code_Header_Is_Not_Analysed(string header) => Verify.VerifyAnalyzerAsync(header + Usings + UndecidedBind);

    [Theory]
    [InlineData("Server.g.cs")]
    [InlineData("Server.generated.cs")]
    [InlineData("Server.designer.cs")]
    [InlineData("Server.g.i.cs")]
    public Task Generated_File_Name_Is_Not_Analysed(string fileName)
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add((fileName, Usings + UndecidedBind));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Generated_File_Does_Not_Silence_Hand_Written_File()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Server.g.cs", Usings + UndecidedBind));
        test.TestState.Sources.Add(("Client.cs", Usings + UndecidedBind.Replace("class Server", "class Client").Replace("s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))", "{|PR0001:s.Bind(new IPEndPoint(IPAddress.Loopback, 8080))|}")));
        return test.RunAsync(CancellationToken.None);
    }

    private const string UndecidedBind = """
        class Server
        {
            void Open()
            {
                var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                s.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
            }
        }
        """;

    private static Task RunAsync(OutputKind outputKind, string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = outputKind;
        return test.RunAsync(CancellationToken.None);
    }
}
