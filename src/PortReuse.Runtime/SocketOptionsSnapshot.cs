using System.Net.Sockets;

namespace PortReuse.Runtime;

/// <summary>
/// What a socket's reuse options really are: .NET's view (<see cref="ReuseAddress"/>, <see cref="ExclusiveAddressUse"/>)
/// and, on Unix, the kernel's SO_REUSEADDR / SO_REUSEPORT (null where they cannot be read).
/// </summary>
public sealed record SocketOptionsSnapshot(bool ReuseAddress, bool ExclusiveAddressUse, bool? RawReuseAddress, bool? RawReusePort)
{
    public static SocketOptionsSnapshot Capture(Socket socket) => new(
        ReuseAddress: socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress) is int value && value != 0,
        ExclusiveAddressUse: socket.ExclusiveAddressUse,
        RawReuseAddress: RawSocketOptions.ReadReuseAddress(socket),
        RawReusePort: RawSocketOptions.ReadReusePort(socket));

    public override string ToString() =>
        $"ReuseAddress={ReuseAddress} ExclusiveAddressUse={ExclusiveAddressUse} SO_REUSEADDR={Show(RawReuseAddress)} SO_REUSEPORT={Show(RawReusePort)}";

    private static string Show(bool? raw) => raw switch { true => "1", false => "0", null => "n/a" };
}
