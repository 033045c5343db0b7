using System.Runtime.InteropServices;

namespace PortReuse.Analyzers.Benchmarks.Measurement;

/// <summary>
/// The CPU time the calling thread has used. Unlike the wall clock it does not advance while the thread waits for a core
/// or is stopped by a garbage collection (the server collector collects on its own threads).
/// </summary>
public static partial class ThreadCpuClock
{
    // clock_gettime's id for the calling thread's CPU-time clock.
    private const int LinuxThreadClock = 3;
    private const int MacThreadClock = 16;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsWindows();

    /// <summary>Nanoseconds of CPU time the calling thread has used so far.</summary>
    public static long NowNanoseconds()
    {
        if (OperatingSystem.IsWindows())
        {
            GetThreadTimes(GetCurrentThread(), out _, out _, out var kernel, out var user);
            return (kernel + user) * 100; // 100-ns units
        }

        clock_gettime(OperatingSystem.IsMacOS() ? MacThreadClock : LinuxThreadClock, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [LibraryImport("kernel32")]
    private static partial IntPtr GetCurrentThread();

    [LibraryImport("kernel32")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetThreadTimes(IntPtr thread, out long creation, out long exit, out long kernel, out long user);
}
