using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PortReuse.Analyzers.Model;

namespace PortReuse.Analyzers.Options;

/// <summary>
/// The <c>.editorconfig</c> / global-config options of every rule, typed once per syntax tree. Rules read this record
/// only when they are about to report, so projects without findings never parse an option.
/// </summary>
internal sealed class PortReuseOptions
{
    public const string IgnoreUdpKey = "portreuse.PR0001.ignore_udp";
    public const string IgnoreTestProjectsKey = "portreuse.PR0002.ignore_test_projects";
    public const string AllowedAddressesKey = "portreuse.PR0002.allowed_addresses";

    /// <summary>Set by the test SDK (and made visible to analyzers by the package's build props).</summary>
    public const string IsTestProjectKey = "build_property.IsTestProject";

    public static PortReuseOptions Default { get; } = new(ignoreUdp: false, ignoreTestProjects: true, isTestProject: false, ImmutableArray<AddressKind>.Empty);

    private PortReuseOptions(bool ignoreUdp, bool ignoreTestProjects, bool isTestProject, ImmutableArray<AddressKind> allowedAddresses)
    {
        IgnoreUdp = ignoreUdp;
        IgnoreTestProjects = ignoreTestProjects;
        IsTestProject = isTestProject;
        AllowedAddresses = allowedAddresses;
    }

    /// <summary>PR0001: UDP sockets need no reuse decision (default false).</summary>
    public bool IgnoreUdp { get; }

    /// <summary>PR0002: wildcard binds in test projects are fine (default true).</summary>
    public bool IgnoreTestProjects { get; }

    /// <summary>The project declares itself a test project (<c>build_property.IsTestProject = true</c>).</summary>
    public bool IsTestProject { get; }

    /// <summary>PR0002: wildcard addresses this project binds on purpose, e.g. <c>::</c> in a container image.</summary>
    public ImmutableArray<AddressKind> AllowedAddresses { get; }

    /// <summary>PR0002 is off for this tree: a test project, with the default <c>ignore_test_projects = true</c>.</summary>
    public bool SkipsWildcardRule => IgnoreTestProjects && IsTestProject;

    public bool AllowsAddress(AddressKind address) => AllowedAddresses.Contains(address);

    public static PortReuseOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree tree)
    {
        var local = provider.GetOptions(tree);
        var global = provider.GlobalOptions;
        return new PortReuseOptions(
            ReadBoolean(local, global, IgnoreUdpKey) ?? Default.IgnoreUdp,
            ReadBoolean(local, global, IgnoreTestProjectsKey) ?? Default.IgnoreTestProjects,
            ReadBoolean(local, global, IsTestProjectKey) ?? Default.IsTestProject,
            ReadAddresses(Value(local, global, AllowedAddressesKey)));
    }

    private static string? Value(AnalyzerConfigOptions local, AnalyzerConfigOptions global, string key)
        => local.TryGetValue(key, out var value) || global.TryGetValue(key, out value) ? value : null;

    private static bool? ReadBoolean(AnalyzerConfigOptions local, AnalyzerConfigOptions global, string key)
        => bool.TryParse(Value(local, global, key)?.Trim(), out var value) ? value : null;

    /// <summary>A comma- or space-separated list of address texts; entries that do not parse are ignored.</summary>
    private static ImmutableArray<AddressKind> ReadAddresses(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return ImmutableArray<AddressKind>.Empty;
        }

        var kinds = ImmutableArray.CreateBuilder<AddressKind>();
        foreach (var entry in list!.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var kind = WildcardAddress.Classify(entry.Trim());
            if (kind != AddressKind.Unknown && !kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds.ToImmutable();
    }
}
