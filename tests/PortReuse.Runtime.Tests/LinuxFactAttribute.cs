namespace PortReuse.Runtime.Tests;

/// <summary>
/// A fact about Linux sockets: the kernel's reuse rules differ per OS (see docs/behaviour.md), so elsewhere it is
/// skipped with a reason rather than asserted wrongly.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Asserts Linux kernel behaviour; run `portreuse matrix` to see this OS's.";
        }
    }
}

/// <summary>The theory counterpart of <see cref="LinuxFactAttribute"/>.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Asserts Linux kernel behaviour; run `portreuse matrix` to see this OS's.";
        }
    }
}
