using System.Text;
using Almanac.Cli;

Console.OutputEncoding = Encoding.UTF8;
return AlmanacCommand.Run(args, new CliContext(Console.Out, Console.Error, TimeProvider.System));
