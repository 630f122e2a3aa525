using System.Globalization;
using Almanac.Bench;

// bench cli-startup <almanac binary> [runs] [-- almanac arguments]
if (args.Length < 2 || args[0] != "cli-startup")
{
    Console.Error.WriteLine("usage: Almanac.Bench cli-startup <path to almanac> [runs] [-- <almanac arguments>]");
    return 2;
}

var binary = Path.GetFullPath(args[1]);
var runs = args.Length > 2 && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
var separator = Array.IndexOf(args, "--");
string[] command = separator >= 0 ? args[(separator + 1)..] : ["facts", "--entity", "anthropic", "--format", "json"];
return CommandTiming.Run(binary, Directory.GetCurrentDirectory(), command, runs, targetMs: 300);
