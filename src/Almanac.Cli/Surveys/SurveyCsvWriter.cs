using System.Globalization;
using Almanac.Analytics.Surveys;
using Almanac.Cli.Output;
using Almanac.Hosting;

namespace Almanac.Cli.Surveys;

/// <summary>Writes a panel in the format <see cref="SurveyCsvReader"/> reads, so a generated panel can be estimated.</summary>
internal static class SurveyCsvWriter
{
    public static void Write(SurveyPanel panel, TextWriter writer)
    {
        // An unweighted panel needs no weight column; a weighted one repeats the weight on each of a respondent's rows.
        var weighted = panel.Responses.Any(r => r.Weight != 1);
        string[] header = panel.Kind == SurveyKind.SingleChoice ? ["respondent", "segment", "choice"] : ["respondent", "segment", "provider", "share"];
        Csv.WriteRow(writer, weighted ? [.. header[..2], "weight", .. header[2..]] : header);
        foreach (var response in panel.Responses)
        {
            var weight = weighted ? [response.Weight.ToString("0.####", CultureInfo.InvariantCulture)] : Array.Empty<string>();
            if (response.Choice is { } choice)
            {
                Csv.WriteRow(writer, [response.Respondent, response.Segment, .. weight, choice]);
                continue;
            }

            foreach (var provider in panel.Providers.Where(response.Shares.ContainsKey))
            {
                Csv.WriteRow(writer, [response.Respondent, response.Segment, .. weight, provider, (response.Shares[provider] * 100).ToString("0.##", CultureInfo.InvariantCulture)]);
            }
        }
    }
}
