using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Flow;

/// <summary>One socket's facts on the paths reaching a point.</summary>
internal readonly struct SocketState
{
    public SocketState(SocketFacts must, SocketFacts may, SocketOrigin? origin)
    {
        Must = must;
        May = may;
        Origin = origin;
    }

    /// <summary>Facts that hold on every path.</summary>
    public SocketFacts Must { get; }

    /// <summary>Facts that hold on at least one path.</summary>
    public SocketFacts May { get; }

    /// <summary>How it was created, when it was created on the paths walked.</summary>
    public SocketOrigin? Origin { get; }

    public SocketState With(SocketFacts facts) => new(Must | facts, May | facts, Origin);

    /// <summary>The facts no longer hold on any path (an option set back to false).</summary>
    public SocketState Without(SocketFacts facts) => new(Must & ~facts, May & ~facts, Origin);

    /// <summary>The facts may or may not hold from here (an option set to a value the walk cannot read).</summary>
    public SocketState Perhaps(SocketFacts facts) => new(Must & ~facts, May | facts, Origin);

    public SocketState Join(SocketState other)
        => new(
            Must & other.Must,
            May | other.May,
            Origin is { } mine && other.Origin is { } theirs ? mine.Join(theirs) : Origin ?? other.Origin);

    /// <summary>Joins with a path on which this socket was never touched.</summary>
    public SocketState JoinUntouched() => new(SocketFacts.None, May, Origin);
}
