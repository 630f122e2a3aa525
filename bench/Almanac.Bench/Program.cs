using System.Globalization;
using Almanac.Bench;

// Almanac.Bench cli-startup <almanac binary> [runs] [-- almanac arguments]
// Almanac.Bench imports <repository root> <shared data folder>
switch (args.FirstOrDefault())
{
    case "cli-startup" when args.Length >= 2:
        var runs = args.Length > 2 && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
        var separator = Array.IndexOf(args, "--");
        string[] command = separator >= 0 ? args[(separator + 1)..] : ["facts", "--entity", "anthropic", "--format", "json"];
        return CommandTiming.Run(Path.GetFullPath(args[1]), Directory.GetCurrentDirectory(), command, runs, targetMs: 300);
    case "imports" when args.Length >= 3:
        return ImportTiming.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), targetSeconds: 10);
    default:
        Console.Error.WriteLine("usage: Almanac.Bench cli-startup <path to almanac> [runs] [-- <almanac arguments>]");
        Console.Error.WriteLine("       Almanac.Bench imports <repository root> <shared data folder>");
        return 2;
}
