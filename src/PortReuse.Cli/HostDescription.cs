using System;
using System.Runtime.InteropServices;

namespace PortReuse.Cli;

internal static class HostDescription
{
    public static string Text => $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}";

    public static string OsName =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsMacOS() ? "macOS"
        : OperatingSystem.IsWindows() ? "Windows"
        : RuntimeInformation.OSDescription;
}
