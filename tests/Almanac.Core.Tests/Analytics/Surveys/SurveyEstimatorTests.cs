using Almanac.Analytics.Surveys;

namespace Almanac.Tests.Analytics.Surveys;

public sealed class SurveyEstimatorTests
{
    private static readonly SurveyEstimator Estimator = new(new SurveyEstimatorOptions { Replicates = 500, MinimumN = 2 });

    private static Dictionary<string, double> Shares(params (string Provider, double Percent)[] shares) =>
        shares.ToDictionary(s => s.Provider, s => s.Percent, StringComparer.Ordinal);

    [Fact]
    public void A_single_choice_share_is_the_weighted_proportion_with_kish_effective_n()
    {
        var panel = SurveyPanel.Of(
        [
            SurveyResponse.OfChoice("r1", "enterprise", "anthropic", weight: 2),
            SurveyResponse.OfChoice("r2", "enterprise", "openai"),
            SurveyResponse.OfChoice("r3", "enterprise", "anthropic"),
        ]);

        var cell = Estimator.Estimate(panel, new Random(1)).Cell("enterprise", "anthropic");

        cell.Share.ShouldBe(0.75, 1e-12);
        cell.N.ShouldBe(3);
        // (2 + 1 + 1)² / (4 + 1 + 1)
        cell.EffectiveN.ShouldBe(16.0 / 6, 1e-12);
        cell.Analytic.ShouldBe(Intervals.Wilson(0.75, 16.0 / 6));
    }

    [Fact]
    public void A_workload_share_is_the_weighted_mean_of_respondents_shares()
    {
        var panel = SurveyPanel.Of(
        [
            SurveyResponse.OfWorkloads("r1", "startup", Shares(("anthropic", 60), ("openai", 40))),
            SurveyResponse.OfWorkloads("r2", "startup", Shares(("anthropic", 20), ("openai", 80)), weight: 3),
        ]);

        var estimate = Estimator.Estimate(panel, new Random(1));

        estimate.Cell("startup", "anthropic").Share.ShouldBe(0.3, 1e-12);
        estimate.Cell("startup", "openai").Share.ShouldBe(0.7, 1e-12);
        estimate.Cell("startup", "openai").EffectiveN.ShouldBe(1.6, 1e-12);
    }

    [Fact]
    public void Shares_that_sum_to_99_are_rescaled_to_a_whole()
    {
        var response = SurveyResponse.OfWorkloads("r1", "startup", Shares(("anthropic", 33), ("openai", 33), ("google", 33)));

        response.Shares["anthropic"].ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Shares_that_sum_to_neither_100_nor_1_are_refused() =>
        Should.Throw<ArgumentException>(() => SurveyResponse.OfWorkloads("r1", "startup", Shares(("anthropic", 60), ("openai", 30))))
            .Message.ShouldContain("sum to 90");

    [Fact]
    public void The_workload_analytic_interval_is_the_textbook_t_interval_when_weights_are_equal()
    {
        // Anthropic shares 10, 20, 30, 40, 50: mean 0.3, s = 0.1581, s/√5 = 0.0707, t(4) = 2.776.
        var panel = SurveyPanel.Of(Enumerable.Range(1, 5).Select(i =>
            SurveyResponse.OfWorkloads($"r{i}", "startup", Shares(("anthropic", i * 10), ("openai", 100 - (i * 10))))));

        var cell = Estimator.Estimate(panel, new Random(1)).Cell("startup", "anthropic");

        cell.Analytic.ShouldNotBeNull();
        cell.Analytic.Value.Lower.ShouldBe(0.1037, 0.0005);
        cell.Analytic.Value.Upper.ShouldBe(0.4963, 0.0005);
    }

    [Fact]
    public void A_workload_cell_of_one_respondent_has_no_analytic_interval()
    {
        var panel = SurveyPanel.Of(
        [
            SurveyResponse.OfWorkloads("r1", "startup", Shares(("anthropic", 60), ("openai", 40))),
            SurveyResponse.OfWorkloads("r2", "enterprise", Shares(("anthropic", 20), ("openai", 80))),
            SurveyResponse.OfWorkloads("r3", "enterprise", Shares(("anthropic", 30), ("openai", 70))),
        ]);

        var estimate = Estimator.Estimate(panel, new Random(1));

        estimate.Cell("startup", "anthropic").Analytic.ShouldBeNull();
        estimate.Cell("enterprise", "anthropic").Analytic.ShouldNotBeNull();
    }

    [Fact]
    public void A_cell_below_the_minimum_n_warns_that_it_is_too_small_to_read()
    {
        var responses = Enumerable.Range(1, 42).Select(i =>
            SurveyResponse.OfChoice($"r{i}", i <= 12 ? "public-sector" : "enterprise", i % 3 == 0 ? "openai" : "anthropic"));
        var estimate = new SurveyEstimator(new SurveyEstimatorOptions { Replicates = 100 }).Estimate(SurveyPanel.Of(responses), new Random(1));

        estimate.Cell("public-sector", "openai").Warning.ShouldBe("n=12 is too small to read");
        estimate.Cell("enterprise", "openai").Warning.ShouldBeNull();
        estimate.Cell(SurveyEstimate.Overall, "openai").N.ShouldBe(42);
        estimate.Cell(SurveyEstimate.Overall, "openai").Warning.ShouldBeNull();
    }

    [Fact]
    public void Cells_list_segments_in_order_then_the_whole_panel_with_the_largest_provider_first()
    {
        var panel = SurveyPanel.Of(
        [
            SurveyResponse.OfChoice("r1", "startup", "openai"),
            SurveyResponse.OfChoice("r2", "enterprise", "anthropic"),
            SurveyResponse.OfChoice("r3", "enterprise", "anthropic"),
        ]);

        var cells = Estimator.Estimate(panel, new Random(1)).Cells.Select(c => $"{c.Segment}/{c.Provider}");

        cells.ShouldBe(["startup/anthropic", "startup/openai", "enterprise/anthropic", "enterprise/openai", "all/anthropic", "all/openai"]);
    }

    [Fact]
    public void The_bootstrap_interval_of_identical_answers_is_the_share_itself()
    {
        var panel = SurveyPanel.Of(Enumerable.Range(1, 10).Select(i =>
            SurveyResponse.OfWorkloads($"r{i}", "startup", Shares(("anthropic", 70), ("openai", 30)), weight: i)));

        var cell = Estimator.Estimate(panel, new Random(1)).Cell("startup", "anthropic");

        cell.Bootstrap.Lower.ShouldBe(0.7, 1e-12);
        cell.Bootstrap.Upper.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bootstrap_and_another_seed_another()
    {
        var panel = SurveyPanelGenerator.Generate(Design(SurveyKind.SingleChoice, 100, 0.5), new Random(3)).Panel;

        var first = Estimator.Estimate(panel, new Random(11)).Cells;
        var again = Estimator.Estimate(panel, new Random(11)).Cells;
        var other = Estimator.Estimate(panel, new Random(12)).Cells;

        again.ShouldBe(first);
        other.Select(c => c.Bootstrap).ShouldNotBe(first.Select(c => c.Bootstrap));
    }

    [Fact]
    public void Bootstrap_and_analytic_intervals_agree_on_a_large_panel()
    {
        var generated = SurveyPanelGenerator.Generate(Design(SurveyKind.WorkloadShares, 2000, 0.5), new Random(5));

        var estimate = new SurveyEstimator(new SurveyEstimatorOptions { Replicates = 1000 }).Estimate(generated.Panel, new Random(6));

        foreach (var cell in estimate.Cells)
        {
            var analytic = cell.Analytic!.Value;
            cell.Bootstrap.Lower.ShouldBe(analytic.Lower, 0.01, $"{cell.Segment}/{cell.Provider}");
            cell.Bootstrap.Upper.ShouldBe(analytic.Upper, 0.01, $"{cell.Segment}/{cell.Provider}");
        }
    }

    internal static SurveyPanelDesign Design(SurveyKind kind, int respondents, double weightSpread) =>
        new(kind, respondents,
        [
            new SurveySegmentDesign("enterprise", 2, new Dictionary<string, double> { ["anthropic"] = 40, ["openai"] = 27, ["google"] = 21, ["other"] = 12 }),
            new SurveySegmentDesign("startup", 1, new Dictionary<string, double> { ["anthropic"] = 24, ["openai"] = 36, ["google"] = 15, ["other"] = 25 }),
        ])
        {
            WeightSpread = weightSpread,
        };
}
