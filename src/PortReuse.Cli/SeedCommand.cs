using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using PortReuse.Runtime;

namespace PortReuse.Cli;

/// <summary><c>portreuse seed</c>: the article's three demos, measured here.</summary>
internal static class SeedCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "Port for every socket (default 0: a fresh port chosen by the OS for each demo).",
            DefaultValueFactory = _ => 0,
        };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535.");
            }
        });

        var command = new Command("seed", "Run the article's three demos (two servers on one port) on real sockets.") { port };
        command.SetAction(parse => Run(context, parse.GetValue(port)));
        return command;
    }

    private static int Run(CliContext context, int port)
    {
        var table = new TextTable("Demo", "What", "Article (C, its OS)", "Measured here", "Port");
        var notes = new List<string>();
        bool portTaken = false;
        foreach (SeedScenario seed in SeedScenarios.All(port))
        {
            BindOutcome outcome = ScenarioRunner.Run(seed.Scenario);
            table.Add(seed.Id, seed.Title, seed.ArticleSays, OutcomeText.Sentence(outcome), outcome.Port == 0 ? "-" : outcome.Port.ToString(CultureInfo.InvariantCulture));
            // A failure of the very first bind on a port the user chose means someone else holds it: nothing was measured.
            bool measured = port == 0 || outcome.FailedSocket != 0;
            if (measured && SeedScenario.Explain(outcome) is { } note)
            {
                notes.Add($"Demo {seed.Id}: {note}");
            }

            portTaken |= !measured;
        }

        context.Out.WriteLine($"The article's demos on {HostDescription.OsName} (TCP, both sockets bind then listen):");
        table.WriteTo(context.Out);
        foreach (string note in notes)
        {
            context.Out.WriteLine(note);
        }

        if (portTaken)
        {
            context.Error.WriteLine($"portreuse: port {port} is already in use on this machine; those demos measured nothing. Omit --port to let the OS choose.");
            return ExitCodes.NotMeasured;
        }

        return ExitCodes.Success;
    }
}
