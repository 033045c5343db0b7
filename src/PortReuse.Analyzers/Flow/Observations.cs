using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>A bind site, with what the walk knew about its socket just before the bind.</summary>
internal readonly struct BindObservation
{
    public BindObservation(BindSite site, SocketState before, bool provenanceKnown, IOperation reportAt, int socketArgument, SocketKey? socket = null)
    {
        Socket = socket;
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

    /// <summary>Which socket was bound, when the walk could name it.</summary>
    public SocketKey? Socket { get; }
}

/// <summary>A reuse decision, with what the walk knew about its socket just before it.</summary>
internal readonly struct DecisionObservation
{
    public DecisionObservation(ReuseDecision decision, SocketState before, IOperation reportAt, SocketKey? socket = null)
    {
        Socket = socket;
        Decision = decision;
        Before = before;
        ReportAt = reportAt;
    }

    public ReuseDecision Decision { get; }

    public SocketState Before { get; }

    public IOperation ReportAt { get; }

    /// <summary>Which socket the decision was made on.</summary>
    public SocketKey? Socket { get; }

    /// <summary>Made in the analysed block itself, not inside a helper it calls.</summary>
    public bool IsLocal => ReferenceEquals(ReportAt, Decision.Operation);
}

/// <summary>A <c>TcpListener</c> created in the analysed block: its local endpoint is fixed here, and it exists to listen.</summary>
internal readonly struct ListenerCreation
{
    public ListenerCreation(IOperation operation, TrackedValue endPoint)
    {
        Operation = operation;
        EndPoint = endPoint;
    }

    /// <summary>The <c>new TcpListener(…)</c> or <c>TcpListener.Create(…)</c>.</summary>
    public IOperation Operation { get; }

    public TrackedValue EndPoint { get; }
}

/// <summary>
/// A call in the analysed block that hands a helper the wildcard address the helper binds: the helper's own walk sees
/// only a parameter, so the call is where the wildcard is chosen.
/// </summary>
internal readonly struct WildcardHandOff
{
    public WildcardHandOff(IInvocationOperation call, TrackedValue endPoint, SocketKey? socket, bool isListener)
    {
        Call = call;
        EndPoint = endPoint;
        Socket = socket;
        IsListener = isListener;
    }

    public IInvocationOperation Call { get; }

    public TrackedValue EndPoint { get; }

    /// <summary>The socket the helper binds, when the walk could name it.</summary>
    public SocketKey? Socket { get; }

    /// <summary>A TcpListener created on the address: it exists to listen, so port 0 does not exempt it.</summary>
    public bool IsListener { get; }
}
