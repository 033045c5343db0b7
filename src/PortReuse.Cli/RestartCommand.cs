using System;
using System.CommandLine;
using System.Globalization;
using PortReuse.Runtime;

namespace PortReuse.Cli;

/// <summary><c>portreuse restart</c>: can a server restart on its port while its old connection is in TIME_WAIT?</summary>
internal static class RestartCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("restart", "Close an accepted connection server-side (TIME_WAIT), then restart the server on the same port, per reuse option.");
        command.SetAction((_, cancellationToken) => System.Threading.Tasks.Task.FromResult(Run(context, cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, System.Threading.CancellationToken cancellationToken)
    {
        var table = new TextTable("Reuse option (both runs)", "Port", "Old connection in TIME_WAIT", "Restart");
        foreach (ReuseMode mode in Enum.GetValues<ReuseMode>())
        {
            if (mode == ReuseMode.RawReuseAddress && !RawSocketOptions.IsSupported)
            {
                continue;
            }

            RestartOutcome outcome = RestartScenario.Run(mode, cancellationToken);
            string timeWait = outcome.TimeWaitObserved switch { true => "yes", false => "no", null => "unknown" };
            table.Add(OptionInspection.Describe(mode), outcome.Port.ToString(CultureInfo.InvariantCulture), timeWait, OutcomeText.Sentence(outcome.Restart));
        }

        context.Out.WriteLine($"TCP server restart on 127.0.0.1 on {HostDescription.OsName}:");
        table.WriteTo(context.Out);
        return ExitCodes.Success;
    }
}
