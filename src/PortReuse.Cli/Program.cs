using System;
using System.Threading.Tasks;
using PortReuse.Cli;

return await PortReuseCli.RunAsync(args, new CliContext(Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected), handleCtrlC: true).ConfigureAwait(false);
