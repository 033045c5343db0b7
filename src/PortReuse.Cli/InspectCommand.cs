using System.CommandLine;
using PortReuse.Runtime;

namespace PortReuse.Cli;

/// <summary><c>portreuse inspect</c>: what each .NET option really sets in the kernel.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("inspect", "Show what each reuse option really sets underneath (SO_REUSEADDR, SO_REUSEPORT), before and after Bind.");
        command.SetAction(_ => Run(context));
        return command;
    }

    private static int Run(CliContext context)
    {
        var table = new TextTable("Proto", "Option set before Bind", "When", ".NET ReuseAddress", ".NET ExclusiveAddressUse", "SO_REUSEADDR", "SO_REUSEPORT");
        foreach (OptionInspection inspection in OptionInspector.Inspect())
        {
            string protocol = inspection.Protocol.ToString().ToUpperInvariant();
            Add(table, protocol, inspection.SettingText, "before Bind", inspection.BeforeBind);
            Add(table, string.Empty, string.Empty, "after Bind", inspection.AfterBind);
        }

        context.Out.WriteLine($"Socket options read back on {HostDescription.OsName} (sockets bound to 127.0.0.1, port chosen by the OS):");
        table.WriteTo(context.Out);
        if (!RawSocketOptions.IsSupported)
        {
            context.Out.WriteLine("SO_REUSEADDR/SO_REUSEPORT cannot be read raw on this OS (n/a).");
        }

        return ExitCodes.Success;
    }

    private static void Add(TextTable table, string protocol, string setting, string when, SocketOptionsSnapshot s) =>
        table.Add(protocol, setting, when, Flag(s.ReuseAddress), Flag(s.ExclusiveAddressUse), Flag(s.RawReuseAddress), Flag(s.RawReusePort));

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => "n/a" };
}
