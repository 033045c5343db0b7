using Microsoft.CodeAnalysis;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>A bind site, with what the walk knew about its socket just before the bind.</summary>
internal readonly struct BindObservation
{
    public BindObservation(BindSite site, SocketState before, bool provenanceKnown, IOperation reportAt, int socketArgument)
    {
        Site = site;
        Before = before;
        ProvenanceKnown = provenanceKnown;
        ReportAt = reportAt;
        SocketArgument = socketArgument;
    }

    public BindSite Site { get; }

    public SocketState Before { get; }

    /// <summary>The socket was created where we can see it (here, or in a field's own type); otherwise we stay quiet.</summary>
    public bool ProvenanceKnown { get; }

    /// <summary>The bind itself, or — when a helper binds a socket it was handed — the call in the analysed method.</summary>
    public IOperation ReportAt { get; }

    /// <summary>For a helper call: which argument carries the socket; otherwise -1.</summary>
    public int SocketArgument { get; }

    public SocketOrigin? Origin => Before.Origin;

    public bool IsHelperCall => SocketArgument >= 0;
}

/// <summary>A reuse decision, with what the walk knew about its socket just before it.</summary>
internal readonly struct DecisionObservation
{
    public DecisionObservation(ReuseDecision decision, SocketState before, IOperation reportAt)
    {
        Decision = decision;
        Before = before;
        ReportAt = reportAt;
    }

    public ReuseDecision Decision { get; }

    public SocketState Before { get; }

    public IOperation ReportAt { get; }
}
