using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PortReuse.Cli;

/// <summary>The <c>portreuse</c> command line, runnable in-process with any writers.</summary>
internal static class PortReuseCli
{
    public static RootCommand CreateRootCommand(CliContext context) =>
        new("portreuse: measure, on real loopback sockets, what address-reuse options do on this machine.")
        {
            SeedCommand.Create(context),
            MatrixCommand.Create(context),
            RestartCommand.Create(context),
            InspectCommand.Create(context),
        };

    /// <param name="handleCtrlC">True for the real process: Ctrl+C cancels the running command's token.</param>
    public static async Task<int> RunAsync(string[] args, CliContext context, bool handleCtrlC = false, CancellationToken cancellationToken = default)
    {
        ParseResult parse = CreateRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, not a help dump: scripts read the reason, people run --help.
            string reason = string.Join("; ", parse.Errors.Select(e => string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
            await context.Error.WriteLineAsync($"portreuse: {reason} (see 'portreuse --help')").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            ProcessTerminationTimeout = handleCtrlC ? TimeSpan.FromSeconds(2) : null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
