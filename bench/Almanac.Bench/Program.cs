using System.Globalization;
using Almanac.Bench;

// Almanac.Bench cli-startup <almanac binary> [runs] [-- almanac arguments]
// Almanac.Bench imports <repository root> <shared data folder> [PostgreSQL connection string]
// Almanac.Bench check <almanac binary> <note> [runs]
// Almanac.Bench check-throughput <repository root> <folder of notes> [megabytes] [store]
// Almanac.Bench report <almanac binary> <output html> [runs] [lang]
// Almanac.Bench accuracy <floors.json> (<run name> <folder of keys> <folder of check reports>)...
// Almanac.Bench load <server address> [requests per second] [seconds] [max requests]
// Almanac.Bench usage-bare <csv> <new database file>
// Almanac.Bench usage-queries <usage store> <generator truth json>
// Almanac.Bench usage-clickhouse-queries <ClickHouse usage store URL>
switch (args.FirstOrDefault())
{
    case "cli-startup" when args.Length >= 2:
        var runs = args.Length > 2 && int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
        var separator = Array.IndexOf(args, "--");
        string[] command = separator >= 0 ? args[(separator + 1)..] : ["facts", "--entity", "anthropic", "--format", "json"];
        return CommandTiming.Run(Path.GetFullPath(args[1]), Directory.GetCurrentDirectory(), command, runs, targetMs: 300);
    case "imports" when args.Length >= 3:
        return ImportTiming.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), targetSeconds: 30, postgres: args.Length > 3 ? args[3] : null);
    case "check" when args.Length >= 3:
        var checkRuns = args.Length > 3 && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 10;
        return CommandTiming.Run(Path.GetFullPath(args[1]), Directory.GetCurrentDirectory(), ["check", Path.GetFullPath(args[2]), "--format", "json"], checkRuns, targetMs: 1000);
    case "check-throughput" when args.Length >= 3:
        var throughputMegabytes = args.Length > 3 && double.TryParse(args[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var tm) ? tm : 4;
        return CheckThroughput.Run(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), throughputMegabytes, args.Length > 4 ? args[4] : null);
    case "report" when args.Length >= 3:
        var reportRuns = args.Length > 3 && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out var rr) ? rr : 10;
        var lang = args.Length > 4 ? args[4] : "en";
        return CommandTiming.Run(Path.GetFullPath(args[1]), Directory.GetCurrentDirectory(), ["report", "market", "--lang", lang, "-o", Path.GetFullPath(args[2])], reportRuns, targetMs: 2000);
    case "accuracy" when args.Length >= 5 && (args.Length - 2) % 3 == 0:
        var accuracyRuns = Enumerable.Range(0, (args.Length - 2) / 3)
            .Select(i => (args[2 + (3 * i)], Path.GetFullPath(args[3 + (3 * i)]), Path.GetFullPath(args[4 + (3 * i)])))
            .ToList();
        return Almanac.Bench.Accuracy.AccuracyRun.Run(Path.GetFullPath(args[1]), accuracyRuns);
    case "load" when args.Length >= 2 && Uri.TryCreate(args[1], UriKind.Absolute, out var server):
        var rate = args.Length > 2 && double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : 500;
        var seconds = args.Length > 3 && double.TryParse(args[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 20;
        var maxRequests = args.Length > 4 && int.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 100_000;
        return LoadTiming.Run(server, rate, TimeSpan.FromSeconds(seconds), maxRequests);
    case "usage-bare" when args.Length >= 3:
        return UsageTiming.Bare(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
    case "usage-queries" when args.Length >= 3:
        return UsageTiming.Queries(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
    case "usage-clickhouse-queries" when args.Length >= 2:
        return UsageClickHouseTiming.Queries(args[1]);
    default:
        Console.Error.WriteLine("usage: Almanac.Bench cli-startup <path to almanac> [runs] [-- <almanac arguments>]");
        Console.Error.WriteLine("       Almanac.Bench imports <repository root> <shared data folder> [PostgreSQL connection string]");
        Console.Error.WriteLine("       Almanac.Bench check <path to almanac> <note> [runs]");
        Console.Error.WriteLine("       Almanac.Bench check-throughput <repository root> <folder of notes> [megabytes] [store]");
        Console.Error.WriteLine("       Almanac.Bench report <path to almanac> <output html> [runs] [lang]");
        Console.Error.WriteLine("       Almanac.Bench accuracy <floors.json> (<run name> <folder of keys> <folder of check reports>)...");
        Console.Error.WriteLine("       Almanac.Bench load <server address> [requests per second] [seconds] [max requests]");
        Console.Error.WriteLine("       Almanac.Bench usage-bare <csv> <new database file>");
        Console.Error.WriteLine("       Almanac.Bench usage-queries <usage store> <generator truth json>");
        Console.Error.WriteLine("       Almanac.Bench usage-clickhouse-queries <ClickHouse usage store URL>");
        return 2;
}
