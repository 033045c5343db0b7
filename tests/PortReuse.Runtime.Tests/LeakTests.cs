namespace PortReuse.Runtime.Tests;

/// <summary>Runs alone: other tests' sockets would disturb the descriptor count.</summary>
[CollectionDefinition(nameof(LeakCheck), DisableParallelization = true)]
public sealed class LeakCheck;

[Collection(nameof(LeakCheck))]
public sealed class LeakTests
{
    [LinuxFact]
    public void Full_matrix_run_closes_every_socket()
    {
        BindMatrix.Run(MatrixFilter.All); // warm-up: lazy runtime state (IPv6 probe, socket engine) is not a leak
        int before = OpenDescriptors();

        var cells = BindMatrix.Run(MatrixFilter.All);

        Assert.Equal(BindMatrix.CountCells(MatrixFilter.All), cells.Count);
        Assert.Equal(before, OpenDescriptors());
    }

    private static int OpenDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Length;
}
