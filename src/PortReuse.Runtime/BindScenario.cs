using System.Collections.Generic;

namespace PortReuse.Runtime;

/// <summary>
/// Two or more sockets bound in order to one port. With <see cref="Port"/> 0 the first socket binds to
/// port 0 and the OS's choice is reused by the others, so scenarios can run in parallel.
/// </summary>
public sealed record BindScenario(string Name, TransportProtocol Protocol, IReadOnlyList<SocketSetup> Sockets, int Port = 0)
{
    public override string ToString() => $"{Name}: {Protocol} [{string.Join("; ", Sockets)}]";
}
