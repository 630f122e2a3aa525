using System.Text;
using Almanac.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var context = new CliContext(Console.Out, Console.Error, TimeProvider.System);
// A command that stops cleanly on Ctrl+C (almanac check) gets the chance to; any other ends at once, as usual.
Console.CancelKeyPress += (_, e) => e.Cancel = context.Interrupt();
return AlmanacCommand.Run(args, context);
