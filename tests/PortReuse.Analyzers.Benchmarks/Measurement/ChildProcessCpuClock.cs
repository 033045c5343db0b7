using System.Runtime.InteropServices;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The CPU time (user and system) of this process's ended and reaped child processes, their own reaped children
/// included: <c>getrusage(RUSAGE_CHILDREN)</c>. Around one <c>dotnet build</c> it reads what the build's processes
/// used (MSBuild and the compiler it waits for), which the wall clock mixes with waits for a core.
/// </summary>
public static partial class ChildProcessCpuClock
{
    private const int Children = -1; // RUSAGE_CHILDREN

    // Linux only: macOS's timeval has a 32-bit microseconds field, which this layout does not describe.
    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (getrusage(Children, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed ({Marshal.GetLastPInvokeError()}).");
        }

        return TimeSpan.FromMicroseconds((double)((usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds));
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs this class does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int getrusage(int who, out ResourceUsage usage);
}
