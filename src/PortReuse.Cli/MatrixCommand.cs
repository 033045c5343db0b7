using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using PortReuse.Runtime;

namespace PortReuse.Cli;

/// <summary><c>portreuse matrix</c>: every combination of protocol, family, addresses and reuse decisions.</summary>
internal static class MatrixCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Write JSON (one object per cell)." };
        var markdown = new Option<bool>("--markdown") { Description = "Write a Markdown document (docs/behaviour.md is made this way)." };
        var protocol = new Option<string?>("--protocol") { Description = "Only this protocol." };
        protocol.AcceptOnlyFromAmong("tcp", "udp");
        var family = new Option<string?>("--family") { Description = "Only this address family." };
        family.AcceptOnlyFromAmong("ipv4", "ipv6", "dualmode");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of stdout." };

        var command = new Command("matrix", "Measure the bind matrix: TCP/UDP × IPv4/IPv6/dual-mode × address pairs × reuse options.")
        {
            json, markdown, protocol, family, output,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(markdown))
            {
                r.AddError("--json and --markdown cannot be used together.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var filter = new MatrixFilter(
                parse.GetValue(protocol) is { } p ? Enum.Parse<TransportProtocol>(p, ignoreCase: true) : null,
                parse.GetValue(family) is { } f ? Enum.Parse<AddressFamilyMode>(f, ignoreCase: true) : null);
            Format format = parse.GetValue(json) ? Format.Json : parse.GetValue(markdown) ? Format.Markdown : Format.Text;
            return System.Threading.Tasks.Task.FromResult(Run(context, filter, format, parse.GetValue(output), cancellationToken));
        });
        return command;
    }

    private enum Format
    {
        Text,
        Json,
        Markdown,
    }

    private static int Run(CliContext context, MatrixFilter filter, Format format, FileInfo? output, CancellationToken cancellationToken)
    {
        int total = BindMatrix.CountCells(filter);
        using var progress = context.ErrorIsTerminal ? new TerminalProgress(context.Error, "Measuring", total) : null;
        IReadOnlyList<MatrixCell> cells;
        try
        {
            cells = BindMatrix.Run(filter, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            progress?.Dispose();
            context.Error.WriteLine("portreuse: matrix cancelled; every socket opened so far was closed.");
            return ExitCodes.Cancelled;
        }

        progress?.Dispose();
        using TextWriter? file = output is null ? null : new StreamWriter(output.FullName);
        TextWriter writer = file ?? context.Out;
        switch (format)
        {
            case Format.Json:
                MatrixReport.WriteJson(writer, cells);
                break;
            case Format.Markdown:
                MatrixReport.WriteMarkdown(writer, cells);
                break;
            default:
                MatrixReport.WriteText(writer, cells);
                break;
        }

        return ExitCodes.Success;
    }
}
