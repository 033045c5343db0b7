using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PortReuse.Runtime;

/// <summary>Which part of the matrix to generate; null means every value.</summary>
public sealed record MatrixFilter(TransportProtocol? Protocol = null, AddressFamilyMode? Family = null)
{
    public static MatrixFilter All { get; } = new();
}

/// <summary>
/// The reuse decisions of the two sockets of a matrix cell, e.g. "none / both ReuseAddress".
/// </summary>
public sealed record ReusePair(ReuseMode First, ReuseMode Second)
{
    public string Label => $"{Abbreviate(First)}/{Abbreviate(Second)}";

    public static string Abbreviate(ReuseMode mode) => mode switch
    {
        ReuseMode.None => "-",
        ReuseMode.ReuseAddress => "RA",
        ReuseMode.RawReuseAddress => "raw",
        ReuseMode.ExclusiveAddressUse => "EX",
        _ => mode.ToString(),
    };
}

/// <summary>One row of the matrix: everything but the reuse decisions.</summary>
public sealed record MatrixRow(TransportProtocol Protocol, AddressFamilyMode Family, LocalAddress First, LocalAddress Second, bool FirstListens)
{
    /// <summary>
    /// The second socket's family: in the dual-mode rows a dual-mode socket comes first and a plain IPv4
    /// socket second, which is where dual-mode listeners surprise people.
    /// </summary>
    public AddressFamilyMode SecondFamily => Family == AddressFamilyMode.DualMode ? AddressFamilyMode.IPv4 : Family;

    public string FirstAddress => LoopbackAddresses.Describe(Family, First);

    public string SecondAddress => LoopbackAddresses.Describe(SecondFamily, Second);

    public BindScenario ToScenario(ReusePair reuse) => new(
        $"{Protocol} {Family} {FirstAddress}{(FirstListens ? " (listening)" : string.Empty)} then {SecondAddress} reuse {reuse.Label}",
        Protocol,
        new[]
        {
            new SocketSetup(Family, First, reuse.First, FirstListens),
            // The second socket is a server too: TCP ones listen, as in the article.
            new SocketSetup(SecondFamily, Second, reuse.Second, Listen: true),
        });
}

/// <summary>A measured cell of the matrix.</summary>
public sealed record MatrixCell(MatrixRow Row, ReusePair Reuse, BindOutcome Outcome);

/// <summary>
/// The bind matrix: TCP/UDP × IPv4/IPv6/dual-mode × address pairs (wildcard, loopback, 127.0.0.2) ×
/// first socket listening or not × reuse decisions of both sockets. Pairs that make no sense (127.0.0.2
/// with IPv6) are not generated; raw SO_REUSEADDR columns exist only where the OS constants are known.
/// </summary>
public static class BindMatrix
{
    /// <summary>Address pairs: the article's two (two IPs; wildcard then loopback), their reverses and the same address twice.</summary>
    private static readonly (LocalAddress First, LocalAddress Second)[] AddressPairs =
    {
        (LocalAddress.Loopback, LocalAddress.SecondLoopback),
        (LocalAddress.Wildcard, LocalAddress.Loopback),
        (LocalAddress.Loopback, LocalAddress.Wildcard),
        (LocalAddress.Loopback, LocalAddress.Loopback),
        (LocalAddress.Wildcard, LocalAddress.Wildcard),
    };

    public static IReadOnlyList<ReusePair> ReusePairs { get; } = BuildReusePairs();

    public static IEnumerable<MatrixRow> Rows(MatrixFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        foreach (TransportProtocol protocol in Enum.GetValues<TransportProtocol>().Where(p => filter.Protocol is null || filter.Protocol == p))
        {
            foreach (AddressFamilyMode family in Enum.GetValues<AddressFamilyMode>().Where(f => filter.Family is null || filter.Family == f))
            {
                foreach (var (first, second) in AddressPairs)
                {
                    var row = new MatrixRow(protocol, family, first, second, FirstListens: protocol == TransportProtocol.Tcp);
                    if (!LoopbackAddresses.Exists(family, first) || !LoopbackAddresses.Exists(row.SecondFamily, second))
                    {
                        continue;
                    }

                    yield return row;
                    if (protocol == TransportProtocol.Tcp)
                    {
                        // Linux treats a bound-but-not-listening TCP socket differently from a listener.
                        yield return row with { FirstListens = false };
                    }
                }
            }
        }
    }

    public static int CountCells(MatrixFilter filter) => Rows(filter).Count() * ReusePairs.Count;

    /// <summary>Measures every cell in order; <paramref name="progress"/> receives the number of cells done.</summary>
    public static IReadOnlyList<MatrixCell> Run(MatrixFilter filter, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var cells = new List<MatrixCell>();
        foreach (MatrixRow row in Rows(filter))
        {
            foreach (ReusePair reuse in ReusePairs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                cells.Add(new MatrixCell(row, reuse, ScenarioRunner.Run(row.ToScenario(reuse), cancellationToken)));
                progress?.Report(cells.Count);
            }
        }

        return cells;
    }

    private static List<ReusePair> BuildReusePairs()
    {
        var pairs = new List<ReusePair> { new(ReuseMode.None, ReuseMode.None) };
        var modes = new List<ReuseMode> { ReuseMode.ReuseAddress };
        if (RawSocketOptions.IsSupported)
        {
            modes.Add(ReuseMode.RawReuseAddress);
        }

        modes.Add(ReuseMode.ExclusiveAddressUse);
        foreach (ReuseMode mode in modes)
        {
            pairs.Add(new(mode, ReuseMode.None));
            pairs.Add(new(ReuseMode.None, mode));
            pairs.Add(new(mode, mode));
        }

        // Windows' reason for ExclusiveAddressUse: does it stop a later ReuseAddress socket from joining?
        pairs.Add(new(ReuseMode.ExclusiveAddressUse, ReuseMode.ReuseAddress));
        return pairs;
    }
}
