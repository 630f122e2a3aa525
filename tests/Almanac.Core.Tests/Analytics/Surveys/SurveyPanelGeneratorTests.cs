using Almanac.Analytics.Surveys;

namespace Almanac.Tests.Analytics.Surveys;

public sealed class SurveyPanelGeneratorTests
{
    [Fact]
    public void Splits_respondents_across_segments_by_proportion()
    {
        var panel = SurveyPanelGenerator.Generate(SurveyEstimatorTests.Design(SurveyKind.SingleChoice, 301, 0), new Random(1)).Panel;

        panel.Responses.Count.ShouldBe(301);
        panel.Responses.Count(r => r.Segment == "enterprise").ShouldBe(201);
        panel.Responses.Count(r => r.Segment == "startup").ShouldBe(100);
        panel.Responses.ShouldAllBe(r => r.Weight == 1);
    }

    [Fact]
    public void The_overall_true_share_averages_segments_by_their_respondents()
    {
        var generated = SurveyPanelGenerator.Generate(SurveyEstimatorTests.Design(SurveyKind.WorkloadShares, 300, 0), new Random(1));

        generated.TrueShare("enterprise", "anthropic").ShouldBe(0.40, 1e-12);
        generated.TrueShare(SurveyEstimate.Overall, "anthropic").ShouldBe((0.40 * 2 / 3) + (0.24 / 3), 1e-12);
    }

    [Theory]
    [InlineData(SurveyKind.WorkloadShares)]
    [InlineData(SurveyKind.SingleChoice)]
    public void A_large_panel_averages_to_its_true_shares(SurveyKind kind)
    {
        var generated = SurveyPanelGenerator.Generate(SurveyEstimatorTests.Design(kind, 30_000, 0.5), new Random(2));

        foreach (var segment in new[] { "enterprise", "startup" })
        {
            var responses = generated.Panel.Responses.Where(r => r.Segment == segment).ToList();
            var share = responses.Sum(r => r.Weight * r.Shares.GetValueOrDefault("openai")) / responses.Sum(r => r.Weight);
            share.ShouldBe(generated.TrueShare(segment, "openai"), 0.01, segment);
        }
    }

    [Fact]
    public void Log_normal_weights_average_one_and_vary()
    {
        var weights = SurveyPanelGenerator.Generate(SurveyEstimatorTests.Design(SurveyKind.SingleChoice, 20_000, 0.5), new Random(4))
            .Panel.Responses.Select(r => r.Weight).ToList();

        weights.Average().ShouldBe(1, 0.02);
        weights.Min().ShouldBeLessThan(0.5);
    }

    [Fact]
    public void A_tiny_concentration_still_gives_every_respondent_shares_that_sum_to_one()
    {
        var design = SurveyEstimatorTests.Design(SurveyKind.WorkloadShares, 500, 0) with { Concentration = 0.001 };

        var responses = SurveyPanelGenerator.Generate(design, new Random(6)).Panel.Responses;

        responses.ShouldAllBe(r => Math.Abs(r.Shares.Values.Sum() - 1) < 1e-9);
    }

    [Fact]
    public void The_same_seed_draws_the_same_panel()
    {
        var design = SurveyEstimatorTests.Design(SurveyKind.WorkloadShares, 50, 0.5);

        var first = SurveyPanelGenerator.Generate(design, new Random(9)).Panel.Responses;
        var again = SurveyPanelGenerator.Generate(design, new Random(9)).Panel.Responses;

        again.Select(r => (r.Weight, r.Shares["anthropic"])).ShouldBe(first.Select(r => (r.Weight, r.Shares["anthropic"])));
    }
}
