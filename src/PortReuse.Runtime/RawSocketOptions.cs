using System;
using System.Net.Sockets;

namespace PortReuse.Runtime;

/// <summary>
/// The OS's own SO_REUSEADDR / SO_REUSEPORT, read and written underneath .NET's option mapping.
/// The numbers differ per OS, so they are chosen at run time; Windows has no raw equivalent here.
/// </summary>
public static class RawSocketOptions
{
    private static readonly (int Level, int ReuseAddr, int ReusePort)? Constants =
        OperatingSystem.IsLinux() ? (1, 2, 15)
        : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? (0xffff, 4, 0x200)
        : null;

    /// <summary>True where this library knows the OS's constants (Linux, macOS, FreeBSD).</summary>
    public static bool IsSupported => Constants is not null;

    public static bool? ReadReuseAddress(Socket socket) => Read(socket, c => c.ReuseAddr);

    public static bool? ReadReusePort(Socket socket) => Read(socket, c => c.ReusePort);

    /// <summary>Sets SO_REUSEADDR alone, exactly like the article's <c>setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &amp;on, …)</c>.</summary>
    public static void SetReuseAddress(Socket socket, bool enabled)
    {
        var c = Constants ?? throw new PlatformNotSupportedException("Raw SO_REUSEADDR is only known on Linux, macOS and FreeBSD.");
        Span<byte> value = stackalloc byte[sizeof(int)];
        BitConverter.TryWriteBytes(value, enabled ? 1 : 0); // setsockopt takes a native-endian int

        socket.SetRawSocketOption(c.Level, c.ReuseAddr, value);
    }

    private static bool? Read(Socket socket, Func<(int Level, int ReuseAddr, int ReusePort), int> name)
    {
        if (Constants is not { } c)
        {
            return null;
        }

        Span<byte> value = stackalloc byte[sizeof(int)];
        int length = socket.GetRawSocketOption(c.Level, name(c), value);
        return length > 0 && value[..length].IndexOfAnyExcept((byte)0) >= 0;
    }
}
