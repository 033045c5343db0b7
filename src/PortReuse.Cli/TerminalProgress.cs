using System;
using System.IO;

namespace PortReuse.Cli;

/// <summary>A one-line "Measuring 120/460" counter redrawn in place on stderr; erased when done.</summary>
internal sealed class TerminalProgress : IProgress<int>, IDisposable
{
    private readonly TextWriter writer;
    private readonly string label;
    private readonly int total;
    private bool disposed;

    public TerminalProgress(TextWriter writer, string label, int total)
    {
        this.writer = writer;
        this.label = label;
        this.total = total;
    }

    public void Report(int value)
    {
        if (!disposed)
        {
            writer.Write($"\r{label} {value}/{total}");
            writer.Flush();
        }
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            writer.Write("\r\u001b[2K"); // erase the counter line so stdout output starts clean
            writer.Flush();
        }
    }
}
