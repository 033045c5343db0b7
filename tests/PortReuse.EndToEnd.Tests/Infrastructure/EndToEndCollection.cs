namespace PortReuse.EndToEnd.Tests.Infrastructure;

/// <summary>All end-to-end classes share one pack and one restore, and run one after another (2 cores, shared).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "EndToEnd";
}
