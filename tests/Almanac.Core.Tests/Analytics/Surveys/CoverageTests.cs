using System.Globalization;
using Almanac.Analytics.Surveys;
using Xunit.Abstractions;

namespace Almanac.Tests.Analytics.Surveys;

/// <summary>
/// The intervals are only as good as how often they hold the truth: over many panels drawn with known true
/// shares, a 95% interval should cover the true share in about 95% of cells.
/// </summary>
public sealed class CoverageTests(ITestOutputHelper log)
{
    private const int Panels = 400;

    // 500 rather than the default 2000 replicates keeps the test fast; the Monte Carlo error this adds to a
    // percentile end is small beside the sampling error the coverage measures.
    private const int Replicates = 500;

    [Theory]
    [InlineData(SurveyKind.WorkloadShares)]
    [InlineData(SurveyKind.SingleChoice)]
    public void Bootstrap_and_analytic_95_percent_intervals_cover_the_true_share_about_95_percent_of_the_time(SurveyKind kind)
    {
        // About 200 respondents in two segments of 133 and 67, weights varying as much as a raked panel's.
        var design = SurveyEstimatorTests.Design(kind, 200, 0.5);
        var estimator = new SurveyEstimator(new SurveyEstimatorOptions { Replicates = Replicates });
        int cells = 0, bootstrap = 0, analytic = 0;
        for (var i = 0; i < Panels; i++)
        {
            var generated = SurveyPanelGenerator.Generate(design, new Random(1000 + i));
            foreach (var cell in estimator.Estimate(generated.Panel, new Random(5000 + i)).Cells)
            {
                var truth = generated.TrueShare(cell.Segment, cell.Provider);
                cells++;
                bootstrap += cell.Bootstrap.Contains(truth) ? 1 : 0;
                analytic += cell.Analytic!.Value.Contains(truth) ? 1 : 0;
            }
        }

        var bootstrapCoverage = (double)bootstrap / cells;
        var analyticCoverage = (double)analytic / cells;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {Panels} panels, {cells} cells; bootstrap coverage {bootstrapCoverage:P1}, analytic ({(kind == SurveyKind.SingleChoice ? "Wilson" : "t")}) coverage {analyticCoverage:P1}");
        log.WriteLine(report);
        bootstrapCoverage.ShouldBeInRange(0.92, 0.98, report);
        analyticCoverage.ShouldBeInRange(0.92, 0.98, report);
    }
}
