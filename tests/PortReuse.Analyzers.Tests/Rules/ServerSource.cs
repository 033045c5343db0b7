namespace PortReuse.Analyzers.Tests.Rules;

/// <summary>The frame the rule tests state their cases in: a <c>Server</c> class whose <c>Run</c> method holds the case.</summary>
internal static class ServerSource
{
    /// <summary>
    /// <paramref name="body"/> is one line at statement indentation, so a fix's expected text uses the same frame;
    /// <paramref name="members"/> go beside <c>Run</c>, one per line at member indentation.
    /// </summary>
    public static string InRun(string body, string members = "") => $$"""
        using System;
        using System.Net;
        using System.Net.Sockets;
        class Server
        {
            void Run(bool flag, bool configured, int port)
            {
                {{body}}
            }

            {{members}}
        }
        """;
}
